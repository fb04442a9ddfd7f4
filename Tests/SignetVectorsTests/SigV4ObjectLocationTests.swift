import Signet
import Testing

/// SigV4 presigning of an object named by its parts: the AWS documentation example, and the same
/// URL as the equivalent wire URL for random keys and parameters.
struct SigV4ObjectLocationTests {
    static let time: Int64 = 1_369_353_600  // 20130524T000000Z

    static func signer(token: String? = nil, tokenSigned: Bool = true) throws -> SigV4Signer {
        SigV4Signer(
            credentials: try SigV4Credentials(
                accessKeyId: "AKIAIOSFODNN7EXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
                sessionToken: token),
            settings: try SigV4Settings(region: "us-east-1", sessionTokenSigned: tokenSigned))
    }

    @Test func theDocumentedPresignedGet() throws {
        let url = try Self.signer().presignedURL(
            object: try ObjectLocation(host: "examplebucket.s3.amazonaws.com", key: "test.txt"), expires: 86_400,
            at: Self.time)
        #expect(url.hasSuffix("&X-Amz-Signature=aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404"))
        #expect(url.hasPrefix("https://examplebucket.s3.amazonaws.com/test.txt?X-Amz-Algorithm=AWS4-HMAC-SHA256"))
    }

    /// `presignedURL(object:)` takes a direct path for S3 settings; the wire URL goes through the
    /// general engine (itself checked against botocore by the differential tests), so this compares
    /// the two on random objects, hosts, tokens and payload settings.
    @Test func randomObjectsSignLikeTheirWireURLs() throws {
        let pieces = ["a", "Z", "0", "/", " ", "+", "%", "&", "=", "?", "#", "é", "测", "~", "-", ".", "_", "$", "//"]
        let hosts = [
            ("https", "examplebucket.s3.us-east-1.amazonaws.com"), ("http", "127.0.0.1:9000"),
            ("https", "minio.local:443"), ("http", "bucket.example:80"), ("https", "s3.example:8443"),
        ]
        var rng = SystemRandomNumberGenerator()
        func text(_ n: ClosedRange<Int>) -> String {
            (0..<Int.random(in: n, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }.joined()
        }
        for (token, signed) in [(nil, true), ("session/token+=", true), ("session/token+=", false)] {
            let signer = try Self.signer(token: token, tokenSigned: signed)
            for _ in 0..<300 {
                let key = text(0...30)
                let query: [(name: String, value: String?)] = (0..<Int.random(in: 0...3, using: &rng)).map { _ in
                    (
                        ["p", "P", "x-Amz-meta-", "response-"].randomElement(using: &rng)! + text(0...6),
                        Bool.random(using: &rng) ? text(0...8) : nil
                    )
                }
                let (scheme, host) = hosts.randomElement(using: &rng)!
                let payload: SigV4Payload =
                    Bool.random(using: &rng) ? .unsigned : .precomputed(String(repeating: "ab", count: 32))
                let object = try ObjectLocation(host: host, key: key, query: query, https: scheme == "https")
                var wire = "\(scheme)://\(host)/" + ReferenceEncoding.encode(key, keepSlash: true)
                if !query.isEmpty {
                    wire +=
                        "?"
                        + query.map {
                            ReferenceEncoding.encode($0.name)
                                + ($0.value.map { "=" + ReferenceEncoding.encode($0) } ?? "")
                        }
                        .joined(separator: "&")
                }
                let expected = try signer.presignedURL(
                    url: try RequestURL(wire), expires: 900, payload: payload, at: Self.time)
                #expect(
                    try signer.presignedURL(object: object, expires: 900, payload: payload, at: Self.time) == expected,
                    "\(wire)")
            }
        }
    }

    @Test func aParameterOnlyTheSignerWritesIsRefusedOnBothPaths() throws {
        let signer = try Self.signer()
        let object = try ObjectLocation(host: "h.example", key: "k", query: [("x-amz-signature", "0")])
        #expect(throws: SignetError.self) { try signer.presignedURL(object: object, expires: 60, at: Self.time) }
        #expect(throws: SignetError.self) {
            try signer.presignedURL(
                url: try RequestURL("https://h.example/k?x-amz-signature=0"), expires: 60, at: Self.time)
        }
    }
}
