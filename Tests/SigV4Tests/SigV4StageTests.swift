import SigV4
import SignetCrypto
import SignetHTTP
import Testing

/// Each stage alone, against values published by AWS (S3 API Reference, IAM signing-key example).
struct SigV4StageTests {
    static let secret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
    static let emptyHash = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
    static let getCanonical = """
        GET
        /test.txt

        host:examplebucket.s3.amazonaws.com
        range:bytes=0-9
        x-amz-content-sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855
        x-amz-date:20130524T000000Z

        host;range;x-amz-content-sha256;x-amz-date
        e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855
        """
    static let getStringToSign = """
        AWS4-HMAC-SHA256
        20130524T000000Z
        20130524/us-east-1/s3/aws4_request
        7344ae5b7ee6c3e7e6b0fe0640412a37625d1fbfff95c48bbb2dc43964946972
        """

    @Test func canonicalRequestOfTheGetObjectExample() {
        let headers = SigV4Canonical.canonicalHeaders([
            ("Host", "examplebucket.s3.amazonaws.com"), ("Range", "bytes=0-9"),
            ("x-amz-content-sha256", Self.emptyHash), ("x-amz-date", "20130524T000000Z"),
        ])
        #expect(headers.signedHeaders == "host;range;x-amz-content-sha256;x-amz-date")
        let cr = SigV4Canonical.canonicalRequest(
            method: "GET", canonicalURI: "/test.txt", canonicalQuery: "", canonicalHeaders: headers.canonicalHeaders,
            signedHeaders: headers.signedHeaders, payloadHash: Self.emptyHash)
        #expect(cr == Self.getCanonical)
    }

    @Test func stringToSignOfTheGetObjectExample() {
        let scope = SigV4Canonical.credentialScope(date: "20130524", region: "us-east-1", service: "s3")
        #expect(scope == "20130524/us-east-1/s3/aws4_request")
        #expect(
            SigV4Canonical.stringToSign(amzDate: "20130524T000000Z", scope: scope, canonicalRequest: Self.getCanonical)
                == Self.getStringToSign)
    }

    @Test func signingKeyDerivation() {
        // AWS General Reference, "Examples of how to derive a signing key for Signature Version 4".
        let key = SigV4Canonical.signingKey(
            secret: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", date: "20120215", region: "us-east-1", service: "iam")
        #expect(key.hex == "f4780e2d9f65fa895f9c67b32ce1baf0b0d8a43505a000a1a9e090d414db404d")
    }

    @Test func signatureAndAuthorizationOfTheGetObjectExample() {
        let key = SigV4Canonical.signingKey(secret: Self.secret, date: "20130524", region: "us-east-1", service: "s3")
        let signature = SigV4Canonical.signature(signingKey: key, stringToSign: Self.getStringToSign)
        #expect(signature == "f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41")
        #expect(
            SigV4Canonical.authorization(
                accessKeyId: "AKIAIOSFODNN7EXAMPLE", scope: "20130524/us-east-1/s3/aws4_request",
                signedHeaders: "host;range;x-amz-content-sha256;x-amz-date", signature: signature)
                == "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, "
                + "SignedHeaders=host;range;x-amz-content-sha256;x-amz-date, "
                + "Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41")
    }

    @Test func presignedStringToSignAndSignature() {
        let cr = """
            GET
            /test.txt
            X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20130524%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=20130524T000000Z&X-Amz-Expires=86400&X-Amz-SignedHeaders=host
            host:examplebucket.s3.amazonaws.com

            host
            UNSIGNED-PAYLOAD
            """
        let sts = SigV4Canonical.stringToSign(
            amzDate: "20130524T000000Z", scope: "20130524/us-east-1/s3/aws4_request", canonicalRequest: cr)
        #expect(sts.hasSuffix("3bfa292879f6447bbcda7001decf97f4a54dc650c8942174ae0a9121cf58ad04"))
        let key = SigV4Canonical.signingKey(secret: Self.secret, date: "20130524", region: "us-east-1", service: "s3")
        #expect(
            SigV4Canonical.signature(signingKey: key, stringToSign: sts)
                == "aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404")
    }

    @Test(arguments: [
        // (wire path, normalize, double encode, expected)
        ("/test%24file.text", false, false, "/test%24file.text"),
        ("/test$file.text", false, false, "/test%24file.text"),
        ("/a%2Fb/c", false, false, "/a%2Fb/c"),
        ("/%7euser/x%2a", false, false, "/~user/x%2A"),
        ("/example space", false, false, "/example%20space"),
        ("/a+b", false, false, "/a%2Bb"),
        ("//example//", false, false, "//example//"),
        ("/./a/../b", false, false, "/./a/../b"),
        ("//example//", true, false, "/example/"),
        ("/example/..", true, false, "/"),
        ("/example1/example2/../..", true, false, "/"),
        ("/./example", true, false, "/example"),
        ("/a/b/.", true, false, "/a/b/"),
        ("", false, false, "/"),
        ("/arn%3Aaws%3Alambda", false, true, "/arn%253Aaws%253Alambda"),
        ("/test/@connections/JBDvjfGEIAMCERw%3D", false, true, "/test/%40connections/JBDvjfGEIAMCERw%253D"),
    ])
    func canonicalURI(_ raw: String, _ normalize: Bool, _ double: Bool, _ expected: String) throws {
        #expect(
            try SigV4Canonical.canonicalURI(rawPath: raw, normalizePath: normalize, doubleEncode: double) == expected)
    }

    @Test func canonicalURIRefusesAMalformedEscape() {
        #expect(throws: SignetError.self) {
            try SigV4Canonical.canonicalURI(rawPath: "/a%zz", normalizePath: false, doubleEncode: false)
        }
    }

    @Test(arguments: [
        ("https://h/?lifecycle", "lifecycle="),
        ("https://h/?max-keys=2&prefix=J", "max-keys=2&prefix=J"),
        ("https://h/?Param1=value2&Param1=Value1", "Param1=Value1&Param1=value2"),
        ("https://h/?a-b=1&a=2", "a=2&a-b=1"),
        ("https://h/?a=x+y&b=x%20y", "a=x%2By&b=x%20y"),
        ("https://h/?%E1%88%B4=Value1&Param=Value2", "%E1%88%B4=Value1&Param=Value2"),
        ("https://h/?k=a/b:c", "k=a%2Fb%3Ac"),
        ("https://h/?k=%7e%41", "k=~A"),
    ])
    func canonicalQuery(_ url: String, _ expected: String) throws {
        #expect(try SigV4Canonical.canonicalQuery(try RequestURL(url)) == expected)
    }

    @Test func headersAreTrimmedCollapsedAndRepeatsJoinedInOrder() {
        let h = SigV4Canonical.canonicalHeaders([
            ("My-Header1", "value2"), ("Host", "h"), ("my-header1", "  a   b  \t c "), ("MY-HEADER1", "value1"),
        ])
        #expect(h.canonicalHeaders == "host:h\nmy-header1:value2,a b c,value1\n")
        #expect(h.signedHeaders == "host;my-header1")
    }

    @Test func chunkAndTrailerStringsToSign() {
        let scope = "20130524/us-east-1/s3/aws4_request"
        let sts = SigV4Canonical.chunkStringToSign(
            amzDate: "20130524T000000Z", scope: scope,
            previousSignature: "4f232c4386841ef735655705268965c44a0e4690baa4adea153f7db9fa80a0a9",
            chunkSHA256: "bf718b6f653bebc184e1479f1935b8da974d701b893afcf49e701f3e2f9f9c5a")
        let key = SigV4Canonical.signingKey(secret: Self.secret, date: "20130524", region: "us-east-1", service: "s3")
        #expect(
            SigV4Canonical.signature(signingKey: key, stringToSign: sts)
                == "ad80c730a21e5b8d04586a2213dd63b9a0e99e0e2307b0ade35a65485a288648")
        let trailers = SigV4Canonical.canonicalTrailers([("x-amz-checksum-crc32c", "sOO8/Q==")])
        #expect(trailers == "x-amz-checksum-crc32c:sOO8/Q==\n")
        let tsts = SigV4Canonical.trailerStringToSign(
            amzDate: "20130524T000000Z", scope: scope,
            previousSignature: "2ca2aba2005185cf7159c6277faf83795951dd77a3a99e6e65d5c9f85863f992",
            canonicalTrailers: trailers)
        #expect(
            SigV4Canonical.signature(signingKey: key, stringToSign: tsts)
                == "d81f82fc3505edab99d459891051a732e8730629a2e4a59689829ca17fe2e435")
    }
}
