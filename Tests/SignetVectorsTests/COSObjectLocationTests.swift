import Signet
import Testing

/// Presigning an object named by its parts (nothing encoded by hand) gives what the SDK gives and
/// exactly what presigning the equivalent wire URL gives.
struct COSObjectLocationTests {
    static let id = "AKIDQjz3ltompVjBni5LitkWHFlFpwkn9U5q"
    static let key = "BQYIM75p8x0iWVFSIgqEKwFprpRSVHlz"  // documented example

    @Test func theSDKCaseFromTheKeyAsWritten() throws {
        // Python SDK V8.2: a space and a plus in the key; the expected URL is the SDK's (with %20).
        let signer = COSSigner(credentials: try COSCredentials(secretId: Self.id, secretKey: Self.key))
        let object = try ObjectLocation(
            host: "examplebucket-1250000000.cos.ap-guangzhou.myqcloud.com", key: "folder/a b+c.txt")
        let url = try signer.presignedURL(object: object, keyTime: try KeyTime(parsing: "1699999940;1700000300"))
        #expect(
            url
                == "https://examplebucket-1250000000.cos.ap-guangzhou.myqcloud.com/folder/a%20b%2Bc.txt?q-sign-algorithm=sha1&q-ak=AKIDQjz3ltompVjBni5LitkWHFlFpwkn9U5q&q-sign-time=1699999940%3B1700000300&q-key-time=1699999940%3B1700000300&q-header-list=host&q-url-param-list=&q-signature=6ddc54b38f57cf27ba9fc741d5cb6262b154207b"
        )
    }

    /// `presignedURL(object:)` takes a direct path under the standard options; the wire URL goes
    /// through the general engine (itself checked against the SDK by the differential tests), so
    /// this compares the two on random objects, hosts and tokens.
    @Test func randomObjectsSignLikeTheirWireURLs() throws {
        let keyTime = try KeyTime(parsing: "1718201699;1718205299")
        let pieces = ["a", "Z", "0", "/", " ", "+", "%", "&", "=", "?", "#", "é", "测", "~", "-", ".", "_", "(", "*"]
        let hosts = [
            (true, "b-1250000000.cos.ap-guangzhou.myqcloud.com"), (false, "127.0.0.1:8080"),
            (true, "b-1250000000.cos.ap-guangzhou.myqcloud.com:443"), (false, "minio.local:80"),
            (true, "cos.example:8443"),
        ]
        var rng = SystemRandomNumberGenerator()
        func text(_ n: ClosedRange<Int>) -> String {
            (0..<Int.random(in: n, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }.joined()
        }
        for (token, signToken) in [(nil, true), ("tok+/= x", true), ("tok+/= x", false)] {
            let creds = try COSCredentials(
                secretId: Self.id, secretKey: Self.key, sessionToken: token,
                expiration: token.map { _ in 1_900_000_000 })
            var options = COSSigningOptions()
            options.signSessionToken = signToken
            let signer = COSSigner(credentials: creds, options: options)
            for _ in 0..<300 {
                let key = text(0...30)
                let query: [(name: String, value: String?)] = (0..<Int.random(in: 0...3, using: &rng)).map { _ in
                    (
                        ["p", "P", "Response-", "q-x"].randomElement(using: &rng)! + text(0...6),
                        Bool.random(using: &rng) ? text(0...8) : nil
                    )
                }
                let (https, host) = hosts.randomElement(using: &rng)!
                let object = try ObjectLocation(host: host, key: key, query: query, https: https)
                var wire =
                    (https ? "https://" : "http://") + host + "/" + ReferenceEncoding.encode(key, keepSlash: true)
                if !query.isEmpty {
                    wire +=
                        "?"
                        + query.map {
                            ReferenceEncoding.encode($0.name, keepSlash: false)
                                + ($0.value.map { "=" + ReferenceEncoding.encode($0, keepSlash: false) } ?? "")
                        }
                        .joined(separator: "&")
                }
                let expected = try signer.presignedURL(url: try RequestURL(wire), keyTime: keyTime)
                #expect(try signer.presignedURL(object: object, keyTime: keyTime) == expected, "\(wire)")
            }
        }
    }

    @Test func badPartsAreRefusedWithTheReason() throws {
        #expect(throws: SignetError.self) { try ObjectLocation(host: "", key: "k") }
        #expect(throws: SignetError.self) { try ObjectLocation(host: "bad host", key: "k") }
        #expect(throws: SignetError.self) { try ObjectLocation(host: "h.example:0", key: "k") }
        #expect(throws: SignetError.self) { try ObjectLocation(host: "h.example:99999", key: "k") }
        #expect(throws: SignetError.self) { try ObjectLocation(host: ":80", key: "k") }
        #expect(throws: SignetError.self) { try ObjectLocation(host: "h.example", key: "k", query: [("", "v")]) }
        #expect {
            try ObjectLocation(host: "user@h.example", key: "k")
        } throws: { String(describing: $0).contains("user@h.example") }
        // The scheme's default port is not part of the signed Host.
        let signer = COSSigner(credentials: try COSCredentials(secretId: Self.id, secretKey: Self.key))
        let keyTime = try KeyTime(parsing: "1718201699;1718205299")
        let withPort = try signer.presignedURL(
            object: try ObjectLocation(host: "b-1.cos.ap-guangzhou.myqcloud.com:443", key: "k"), keyTime: keyTime)
        let without = try signer.presignedURL(
            object: try ObjectLocation(host: "b-1.cos.ap-guangzhou.myqcloud.com", key: "k"), keyTime: keyTime)
        #expect(withPort == without)
    }
}
