import COSSigning
import SignetCrypto
import SignetHTTP
import Testing

/// Each stage alone, against the values published in the COS "Request Signature" document.
struct COSStageTests {
    static let id = "AKIDQjz3ltompVjBni5LitkWHFlFpwkn9U5q"
    static let key = "BQYIM75p8x0iWVFSIgqEKwFprpRSVHlz"
    static let putHttpString =
        "put\n/exampleobject(腾讯云)\n\ncontent-length=13&content-md5=mQ%2FfVh815F3k6TAUm8m0eg%3D%3D&content-type=text%2Fplain&date=Thu%2C%2016%20May%202019%2006%3A45%3A51%20GMT&host=examplebucket-1250000000.cos.ap-beijing.myqcloud.com&x-cos-acl=private&x-cos-grant-read=uin%3D%22100000000011%22\n"

    @Test func signKey() throws {
        #expect(
            COSCanonical.signKey(secretKey: Self.key, keyTime: try KeyTime(parsing: "1557989151;1557996351"))
                == "eb2519b498b02ac213cb1f3d1a3d27a3b3c9bc5f")
        #expect(
            COSCanonical.signKey(secretKey: Self.key, keyTime: try KeyTime(parsing: "1557989753;1557996953"))
                == "937914bf490e9e8c189836aad2052e4feeb35eaf")
    }

    @Test func stringToSign() throws {
        let kt = try KeyTime(parsing: "1557989151;1557996351")
        #expect(
            COSCanonical.stringToSign(keyTime: kt, httpString: Self.putHttpString)
                == "sha1\n1557989151;1557996351\n8b2751e77f43a0995d6e9eb9477f4b685cca4172\n")
    }

    @Test func signatureUsesTheHexSignKeyText() {
        let sts = "sha1\n1557989151;1557996351\n8b2751e77f43a0995d6e9eb9477f4b685cca4172\n"
        #expect(
            COSCanonical.signature(signKey: "eb2519b498b02ac213cb1f3d1a3d27a3b3c9bc5f", stringToSign: sts)
                == "3b8851a11a569213c17ba8fa7dcf2abec6935172")
        // The raw 20 digest bytes as key must NOT give the documented signature.
        let raw = Hex.decode("eb2519b498b02ac213cb1f3d1a3d27a3b3c9bc5f")!
        #expect(HMACKey<SHA1>(key: raw).authenticate(sts).hex != "3b8851a11a569213c17ba8fa7dcf2abec6935172")
    }

    @Test func wholePutExample() throws {
        let request = try DocumentedExamples.putRequest()
        let signer = COSSigner(
            credentials: try COSCredentials(secretId: Self.id, secretKey: Self.key),
            options: DocumentedExamples.putOptions)
        let s = try signer.sign(request, keyTime: try KeyTime(parsing: "1557989151;1557996351"))
        #expect(s.httpString == Self.putHttpString)
        #expect(s.signature == "3b8851a11a569213c17ba8fa7dcf2abec6935172")
        #expect(s.headersToAdd.first?.value == s.authorization)
        #expect(String(describing: s.signKey) == "<redacted>")
    }

    @Test func getExampleSortsParameters() throws {
        let request = try DocumentedExamples.getRequest()
        let signer = COSSigner(
            credentials: try COSCredentials(secretId: Self.id, secretKey: Self.key),
            options: DocumentedExamples.getOptions)
        let s = try signer.sign(request, keyTime: try KeyTime(parsing: "1557989753;1557996953"))
        #expect(s.parameterList == "response-cache-control;response-content-type")
        #expect(s.signature == "01681b8c9d798a678e43b685a9f1bba0f6c0e012")
    }

    @Test func standardHeadersAndPresignedURL() throws {
        // Python SDK V8.2: space and plus in the key; only host signed by default for a bare GET.
        let signer = COSSigner(credentials: try COSCredentials(secretId: Self.id, secretKey: Self.key))
        let url = try signer.presignedURL(
            url: try RequestURL("https://examplebucket-1250000000.cos.ap-guangzhou.myqcloud.com/folder/a%20b%2Bc.txt"),
            headers: [("User-Agent", "x")], keyTime: try KeyTime(parsing: "1699999940;1700000300"))
        #expect(
            url
                == "https://examplebucket-1250000000.cos.ap-guangzhou.myqcloud.com/folder/a%20b%2Bc.txt?q-sign-algorithm=sha1&q-ak=AKIDQjz3ltompVjBni5LitkWHFlFpwkn9U5q&q-sign-time=1699999940%3B1700000300&q-key-time=1699999940%3B1700000300&q-header-list=host&q-url-param-list=&q-signature=6ddc54b38f57cf27ba9fc741d5cb6262b154207b"
        )
    }

    @Test func temporaryKeyWindowRule() throws {
        let creds = try COSCredentials(
            secretId: "AKIDtmp", secretKey: "tmpkey", sessionToken: "tok+/=", expiration: 1_700_001_000)
        let request = try SigningRequest(method: "GET", url: "https://b-1.cos.ap-guangzhou.myqcloud.com/o")
        let signer = COSSigner(credentials: creds)
        let tooLong = try KeyTime(parsing: "1700000000;1700003600")
        #expect {
            _ = try signer.presign(request, keyTime: tooLong)
        } throws: { e in
            let m = String(describing: e)
            return m.contains("2023-11-14T22:30:00Z") && m.contains("2023-11-14T23:13:20Z") && m.contains("outlive")
        }
        var clamping = signer
        clamping.options.clampToCredentialExpiration = true
        let s = try clamping.presign(request, keyTime: tooLong)
        #expect(s.keyTime.end == 1_700_001_000)
        #expect(s.parameterList == "x-cos-security-token")
        #expect(s.url!.hasSuffix("&x-cos-security-token=tok%2B%2F%3D"))
        // Header mode: the token is a signed header.
        let h = try signer.sign(request, keyTime: try KeyTime(parsing: "1700000000;1700000900"))
        #expect(h.headerList == "host;x-cos-security-token")
        #expect(h.headersToAdd.contains { $0.name == "x-cos-security-token" && $0.value == "tok+/=" })
        #expect(!String(describing: creds).contains("tok+/="))
        #expect(!String(describing: creds).contains("tmpkey"))
    }

    @Test func refusesBadInput() throws {
        #expect(throws: SignetError.self) { try COSCredentials(secretId: " AKID", secretKey: "k") }
        #expect(throws: SignetError.self) { try COSCredentials(secretId: "AKID", secretKey: "") }
        #expect(throws: SignetError.self) { try COSCredentials(secretId: "AKID", secretKey: "k", sessionToken: "a\nb") }
        #expect(throws: SignetError.self) { try KeyTime(parsing: "10;5") }
        #expect(throws: SignetError.self) { try KeyTime(parsing: "a;b") }
        #expect(throws: SignetError.self) { try KeyTime(parsing: "1;99999999999999") }
        let signer = COSSigner(credentials: try COSCredentials(secretId: "AKID", secretKey: "k"))
        let signed = try SigningRequest(method: "GET", url: "https://b.cos.x.com/o?q-signature=abc")
        #expect(throws: SignetError.self) { try signer.sign(signed, keyTime: try KeyTime(parsing: "1;2")) }
    }

    @Test func windowFromClock() throws {
        let signer = COSSigner(
            credentials: try COSCredentials(secretId: "AKID", secretKey: "k"), clock: FixedClock(1_700_000_000.7))
        let kt = try signer.keyTime(validFor: 900)
        #expect(kt.start == 1_699_999_940)
        #expect(kt.end == 1_700_000_900)
    }
}
