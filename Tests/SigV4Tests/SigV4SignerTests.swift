import SigV4
import SignetCrypto
import SignetHTTP
import Testing

/// The whole signer: the documented S3 examples end to end, temporary credentials, and input rules.
struct SigV4SignerTests {
    static let time: Int64 = 1_369_353_600  // 20130524T000000Z
    static func signer(
        token: String? = nil, expiration: Int64? = nil, region: String = "us-east-1", clamp: Bool = false
    ) throws -> SigV4Signer {
        var settings = try SigV4Settings(region: region)
        settings.clampToCredentialExpiration = clamp
        return SigV4Signer(
            credentials: try SigV4Credentials(
                accessKeyId: "AKIAIOSFODNN7EXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
                sessionToken: token, expiration: expiration),
            settings: settings)
    }

    /// A header name may hold token punctuation such as `&` (RFC 9110), and the SignedHeaders value
    /// is then percent-encoded whole, also when the URL has parameters of its own to merge with.
    /// The expected URL is what botocore 1.43.11's `S3SigV4QueryAuth` gives for the same request.
    @Test func signedHeaderNamesWithTokenPunctuationAreEncodedWhole() throws {
        let url = try Self.signer().presignedURL(
            url: try RequestURL("https://b.s3.amazonaws.com/k?a=1"), headers: [("x-a&b", "v")], expires: 900,
            at: Self.time)
        #expect(
            url
                == "https://b.s3.amazonaws.com/k?a=1&X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20130524%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=20130524T000000Z&X-Amz-Expires=900&X-Amz-SignedHeaders=host%3Bx-a%26b&X-Amz-Signature=a7277f00fa55e2b5987359749ca522012f9254cf3a4690ed1721d9961b98a3cc"
        )
    }

    @Test func getObjectExample() throws {
        let request = try SigningRequest(
            method: "GET", url: "https://examplebucket.s3.amazonaws.com/test.txt", headers: [("Range", "bytes=0-9")])
        let s = try Self.signer().sign(request, at: Self.time)
        #expect(s.signature == "f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41")
        #expect(s.signedHeaders == "host;range;x-amz-content-sha256;x-amz-date")
        #expect(s.headersToAdd.map(\.name) == ["X-Amz-Date", "x-amz-content-sha256", "Authorization"])
        #expect(s.headersToAdd[0].value == "20130524T000000Z")
        #expect(s.headersToAdd[1].value == SigV4Payload.emptySHA256)
        #expect(s.authorization == s.headersToAdd[2].value)
        #expect(s.url == nil)
        // The fast path gives the same fields.
        #expect(try Self.signer().headersToAdd(request, at: Self.time) == s.headersToAdd)
    }

    @Test func putObjectExampleSignsDateAndXAmzDate() throws {
        let request = try SigningRequest(
            method: "PUT", url: "https://examplebucket.s3.amazonaws.com/test$file.text",
            headers: [("Date", "Fri, 24 May 2013 00:00:00 GMT"), ("x-amz-storage-class", "REDUCED_REDUNDANCY")],
            body: Array("Welcome to Amazon S3.".utf8))
        let s = try Self.signer().sign(request, at: Self.time)
        #expect(s.signature == "98ad721746da40c64f1a55b78f14c238d841ea1380cd77a1b5971af0ece108bd")
    }

    @Test func presignedGetExample() throws {
        let url = try Self.signer().presignedURL(
            url: "https://examplebucket.s3.amazonaws.com/test.txt", expires: 86_400, at: Self.time)
        #expect(
            url
                == "https://examplebucket.s3.amazonaws.com/test.txt?X-Amz-Algorithm=AWS4-HMAC-SHA256"
                + "&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20130524%2Fus-east-1%2Fs3%2Faws4_request"
                + "&X-Amz-Date=20130524T000000Z&X-Amz-Expires=86400&X-Amz-SignedHeaders=host"
                + "&X-Amz-Signature=aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404")
        let s = try Self.signer().presign(
            try SigningRequest(method: "GET", url: "https://examplebucket.s3.amazonaws.com/test.txt"), expires: 86_400,
            at: Self.time)
        #expect(s.url == url)
        #expect(s.authorization == nil)
        #expect(s.headersToAdd.isEmpty)
        #expect(s.signingKey.description == "<redacted>")
    }

    @Test func presignedURLKeepsOwnParametersInOrderAndReencoded() throws {
        let url = try Self.signer().presignedURL(
            url: "https://b.s3.amazonaws.com/a%20b+c?versionId=z&acl&x=%7e", expires: 60, at: Self.time)
        #expect(url.hasPrefix("https://b.s3.amazonaws.com/a%20b%2Bc?versionId=z&acl&x=~&X-Amz-Algorithm="))
    }

    @Test func sessionTokenIsSignedInBothModes() throws {
        let token = "IQoJb3JpZ2luX2Vj/ab+c=="
        let signer = try Self.signer(token: token)
        let request = try SigningRequest(method: "GET", url: "https://b.s3.amazonaws.com/k")
        let header = try signer.sign(request, at: Self.time)
        #expect(header.signedHeaders == "host;x-amz-content-sha256;x-amz-date;x-amz-security-token")
        #expect(header.canonicalRequest.contains("\nx-amz-security-token:\(token)\n"))
        #expect(header.headersToAdd.contains(HTTPHeader("X-Amz-Security-Token", token)))
        let query = try signer.presign(request, expires: 60, at: Self.time)
        #expect(query.canonicalRequest.contains("&X-Amz-Security-Token=IQoJb3JpZ2luX2Vj%2Fab%2Bc%3D%3D&"))
        #expect(query.url!.contains("&X-Amz-Security-Token=IQoJb3JpZ2luX2Vj%2Fab%2Bc%3D%3D&X-Amz-Signature="))
    }

    @Test func hostCarriesANonDefaultPortAndAGivenHostWins() throws {
        let s = try Self.signer().sign(
            try SigningRequest(method: "GET", url: "http://127.0.0.1:9000/b/k"), at: Self.time)
        #expect(s.canonicalRequest.contains("\nhost:127.0.0.1:9000\n"))
        let d = try Self.signer().sign(try SigningRequest(method: "GET", url: "https://h:443/b/k"), at: Self.time)
        #expect(d.canonicalRequest.contains("\nhost:h\n"))
        let g = try Self.signer().sign(
            try SigningRequest(method: "GET", url: "http://127.0.0.1:9000/b/k", headers: [("Host", "example.com")]),
            at: Self.time)
        #expect(g.canonicalRequest.contains("\nhost:example.com\n"))
        #expect(!g.canonicalRequest.contains("127.0.0.1"))
    }

    @Test func userAgentIsNotSignedByDefaultButAnExactListRules() throws {
        let request = try SigningRequest(
            method: "GET", url: "https://h/k", headers: [("User-Agent", "x"), ("x-amz-meta-a", "1")])
        #expect(
            try Self.signer().sign(request, at: Self.time).signedHeaders
                == "host;x-amz-content-sha256;x-amz-date;x-amz-meta-a")
        var settings = try SigV4Settings(region: "us-east-1")
        settings.signedHeaders = .exactly(["host", "x-amz-date", "user-agent"])
        let signer = SigV4Signer(credentials: try Self.signer().credentials, settings: settings)
        #expect(try signer.sign(request, at: Self.time).signedHeaders == "host;user-agent;x-amz-date")
        settings.signedHeaders = .exactly(["host", "content-md5"])
        #expect(throws: SignetError.self) {
            try SigV4Signer(credentials: try Self.signer().credentials, settings: settings).sign(request, at: Self.time)
        }
    }

    @Test func payloadModes() throws {
        let request = try SigningRequest(method: "PUT", url: "https://h/k", body: Array("abc".utf8))
        let signer = try Self.signer()
        let body = try signer.sign(request, at: Self.time)
        #expect(body.payloadHash == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(try signer.sign(request, payload: .unsigned, at: Self.time).payloadHash == "UNSIGNED-PAYLOAD")
        let hex = try SigV4Payload(parsing: "BA7816BF8F01CFEA414140DE5DAE2223B00361A396177A9CB410FF61F20015AD")
        #expect(try signer.sign(request, payload: hex, at: Self.time).signature == body.signature)
        for bad in ["STREAMING-FOO", "unsigned-payload", "abc", "STREAMING-AWS4-ECDSA-P256-SHA256-PAYLOAD"] {
            #expect { try SigV4Payload(parsing: bad) } throws: { String(describing: $0).contains("payload") }
        }
        // A caller's x-amz-content-sha256 must agree with the payload setting and is not added twice.
        let same = try SigningRequest(
            method: "PUT", url: "https://h/k", headers: [("x-amz-content-sha256", "UNSIGNED-PAYLOAD")])
        let s = try signer.sign(same, payload: .unsigned, at: Self.time)
        #expect(!s.headersToAdd.contains { $0.name == "x-amz-content-sha256" })
        #expect { try signer.sign(same, at: Self.time) } throws: {
            String(describing: $0).contains("x-amz-content-sha256")
        }
    }

    @Test func expiresMustBeOneSecondToSevenDays() throws {
        let signer = try Self.signer()
        for bad: Int64 in [0, -1, 604_801] {
            #expect { try signer.presignedURL(url: "https://h/k", expires: bad, at: Self.time) } throws: {
                String(describing: $0).contains("604800")
            }
        }
        _ = try signer.presignedURL(url: "https://h/k", expires: 604_800, at: Self.time)
        _ = try signer.presignedURL(url: "https://h/k", expires: 1, at: Self.time)
    }

    @Test func aURLNeverOutlivesTemporaryCredentials() throws {
        let expiration = Self.time + 900
        let strict = try Self.signer(token: "t", expiration: expiration)
        #expect { try strict.presignedURL(url: "https://h/k", expires: 3600, at: Self.time) } throws: { e in
            let m = String(describing: e)
            return m.contains("2013-05-24T01:00:00Z") && m.contains("2013-05-24T00:15:00Z") && !m.contains("EXAMPLEKEY")
        }
        _ = try strict.presignedURL(url: "https://h/k", expires: 900, at: Self.time)
        let clamped = try Self.signer(token: "t", expiration: expiration, clamp: true)
        let s = try clamped.presign(try SigningRequest(method: "GET", url: "https://h/k"), expires: 3600, at: Self.time)
        #expect(s.expires == 900)
        #expect(s.url!.contains("&X-Amz-Expires=900&"))
        // Expired credentials are refused in both modes, clamping or not.
        #expect(throws: SignetError.self) {
            try clamped.presignedURL(url: "https://h/k", expires: 60, at: expiration)
        }
        #expect(throws: SignetError.self) {
            try strict.sign(try SigningRequest(method: "GET", url: "https://h/k"), at: expiration + 1)
        }
    }

    @Test func theSignersOwnParametersAndFieldsAreRefused() throws {
        let signer = try Self.signer()
        for name in [
            "X-Amz-Signature", "X-Amz-Date", "X-Amz-Credential", "X-Amz-Algorithm", "X-Amz-SignedHeaders",
            "X-Amz-Security-Token", "X-Amz-Expires", "x-amz-signature",
        ] {
            #expect { try signer.presignedURL(url: "https://h/k?\(name)=1", expires: 60, at: Self.time) } throws: {
                String(describing: $0).contains("X-Amz-")
            }
        }
        for name in ["X-Amz-Date", "Authorization", "x-amz-security-token"] {
            let request = try SigningRequest(method: "GET", url: "https://h/k", headers: [(name, "x")])
            #expect { try signer.sign(request, at: Self.time) } throws: { String(describing: $0).contains("X-Amz-") }
        }
    }

    @Test func badInputNamesTheField() throws {
        #expect { try SigV4Settings(region: "us-east-1/x") } throws: { String(describing: $0).contains("region") }
        #expect { try SigV4Settings(region: "us east-1") } throws: { String(describing: $0).contains("region") }
        #expect { try SigV4Settings(region: "") } throws: { String(describing: $0).contains("region") }
        #expect { try SigV4Settings(region: "us-east-1", service: "s3\t") } throws: {
            String(describing: $0).contains("service")
        }
        #expect { try SigV4Credentials(accessKeyId: "AK", secretAccessKey: "") } throws: {
            String(describing: $0).contains("secret")
        }
        #expect { try SigV4Credentials(accessKeyId: "AK", secretAccessKey: "s", sessionToken: "a\r\nb") } throws: {
            let m = String(describing: $0)
            return m.contains("token") && m.contains("CR") && !m.contains("a\r\nb")
        }
        #expect { try SigV4Credentials(accessKeyId: "", secretAccessKey: "s") } throws: {
            String(describing: $0).contains("access key")
        }
        #expect(throws: SignetError.self) { try RequestURL("not a url") }
    }

    @Test func descriptionsHideSecrets() throws {
        let c = try SigV4Credentials(
            accessKeyId: "AKID", secretAccessKey: "SECRETVALUE", sessionToken: "TOKENVALUE", expiration: 1_700_000_000)
        #expect(!c.description.contains("SECRETVALUE"))
        #expect(!c.description.contains("TOKENVALUE"))
        #expect(c.description.contains("AKID"))
    }

    @Test func genericServiceDefaultsNormaliseAndDoubleEncode() throws {
        let settings = try SigV4Settings(region: "us-east-1", service: "service")
        #expect(settings.normalizePath && settings.doubleEncode && !settings.contentSha256Header)
        let s3 = try SigV4Settings(region: "us-east-1")
        #expect(!s3.normalizePath && !s3.doubleEncode && s3.contentSha256Header)
    }

    @Test func theClockIsUsedWhenNoTimeIsGiven() throws {
        var signer = try Self.signer()
        signer.clock = FixedClock(Double(Self.time) + 0.9)
        let url = try signer.presignedURL(url: "https://examplebucket.s3.amazonaws.com/test.txt", expires: 86_400)
        #expect(url.hasSuffix("aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404"))
    }
}
