import COSSigning
import SignetCrypto
import SignetHTTP
import SignetTestSupport
import Testing

/// Signers read their SignKey from a per-thread slot that holds one key at a time, labelled by
/// signer and KeyTime window. These tests interleave signers with different credentials and
/// windows on one thread (and on several at once) and compare every result with a signer that has
/// never signed before, so a key served to the wrong signer or window shows up as a wrong signature.
struct COSThreadSlotSigningTests {
    /// The credentials of the COS "Request Signature" document.
    static let docId = "AKIDQjz3ltompVjBni5LitkWHFlFpwkn9U5q"
    static let docKey = "BQYIM75p8x0iWVFSIgqEKwFprpRSVHlz"

    static let credentials: [(id: String, key: String)] = [
        (docId, docKey),
        ("AKIDbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb", "secret-key-B/+=0123456789"),
        ("AKIDcccccccccccccccccccccccccccccccc", "CCCCsecretCCCC"),
    ]

    /// Windows: the document's two, two that share a start or an end with the first (only one tag
    /// word differs), a recent one, and two whose numbers have other digit counts.
    static let windows: [(Int64, Int64)] = [
        (1_557_989_151, 1_557_996_351),
        (1_557_989_753, 1_557_996_953),
        (1_557_989_151, 1_557_996_953),
        (1_557_989_753, 1_557_996_351),
        (1_699_999_940, 1_700_000_300),
        (999_999_999, 1_000_000_000),
        (1, 253_402_300_799),
    ]

    static let urls = [
        "https://examplebucket-1250000000.cos.ap-guangzhou.myqcloud.com/folder/a%20b%2Bc.txt",
        "https://b-1250000000.cos.ap-beijing.myqcloud.com/o?response-content-type=text%2Fplain",
    ]

    static func signer(_ c: Int) throws -> COSSigner {
        COSSigner(credentials: try COSCredentials(secretId: credentials[c].id, secretKey: credentials[c].key))
    }

    static func keyTime(_ w: Int) throws -> KeyTime { try KeyTime(start: windows[w].0, end: windows[w].1) }

    static func request(_ url: String) throws -> SigningRequest {
        try SigningRequest(
            method: "PUT", url: url, headers: [("Content-Type", "text/plain"), ("x-cos-acl", "private")])
    }

    typealias Step = SigningStep

    /// A seeded interleaving that switches signer, window (the step's `time`) and mode often.
    static func steps(count: Int, seed: UInt64) -> [Step] {
        SigningStep.interleaving(
            signers: credentials.count, times: windows.count, urls: urls.count, count: count, seed: seed)
    }

    /// What each step must give, each from a brand-new signer that has never signed before (so it
    /// derives its own SignKey): presigned URLs, and Authorization values in header mode.
    struct Expected: Sendable {
        var presigned: [[[String]]] = []
        var authorization: [[[String]]] = []

        init() throws {
            for c in 0..<credentials.count {
                var p: [[String]] = []
                var a: [[String]] = []
                for w in 0..<windows.count {
                    let kt = try keyTime(w)
                    p.append(try urls.map { try signer(c).presignedURL(url: try RequestURL($0), keyTime: kt) })
                    a.append(try urls.map { try signer(c).authorization(try request($0), keyTime: kt) })
                }
                presigned.append(p)
                authorization.append(a)
            }
        }

        func value(_ step: Step) -> String {
            step.header
                ? authorization[step.signer][step.time][step.url] : presigned[step.signer][step.time][step.url]
        }
    }

    /// Runs `steps` with `signers` and returns the steps whose result differs from `expected`.
    static func run(_ steps: [Step], signers: [COSSigner], expected: Expected) throws -> [String] {
        var wrong: [String] = []
        for (i, step) in steps.enumerated() {
            let signer = signers[step.signer]
            let kt = try keyTime(step.time)
            let url = urls[step.url]
            let got =
                step.header
                ? try signer.sign(try request(url), keyTime: kt).authorization
                : try signer.presignedURL(url: try RequestURL(url), keyTime: kt)
            if got != expected.value(step) {
                wrong.append("step \(i): signer \(step.signer) window \(kt) url \(url) header \(step.header): \(got)")
            }
        }
        return wrong
    }

    @Test func theExpectationsAreDistinct() throws {
        // Sanity of the setup: every signer, window and URL gives its own signature, so a SignKey
        // served to the wrong signer or window cannot go unnoticed.
        let e = try Expected()
        var signatures = Set<String>()
        for c in 0..<Self.credentials.count {
            for w in 0..<Self.windows.count {
                for u in 0..<Self.urls.count {
                    let url = e.presigned[c][w][u]
                    // The 40 hex digits after `q-signature=` (the URL's own parameters may follow).
                    let after = url.split(separator: "q-signature=", omittingEmptySubsequences: false)
                    #expect(after.count == 2, "\(url)")
                    signatures.insert(String((after.last ?? "").prefix(while: { $0 != "&" })))
                }
            }
        }
        #expect(signatures.count == Self.credentials.count * Self.windows.count * Self.urls.count)
        #expect(signatures.allSatisfy { $0.count == 40 })
    }

    @Test func documentedExamplesComeOutExactlyWhenInterleaved() throws {
        // The document's PUT and GET examples: same credentials, different windows, each with its
        // exact header list; and a presigned URL with the default options.
        let creds = try COSCredentials(secretId: Self.docId, secretKey: Self.docKey)
        let putSigner = COSSigner(credentials: creds, options: DocumentedExamples.putOptions)
        let getSigner = COSSigner(credentials: creds, options: DocumentedExamples.getOptions)
        let plain = try Self.signer(0)
        let others = [try Self.signer(1), try Self.signer(2)]

        let put = try DocumentedExamples.putRequest()
        let get = try DocumentedExamples.getRequest()
        let putTime = try KeyTime(parsing: "1557989151;1557996351")
        let getTime = try KeyTime(parsing: "1557989753;1557996953")
        let presignTime = try KeyTime(parsing: "1699999940;1700000300")
        let presignURL = try RequestURL(Self.urls[0])

        for round in 0..<40 {
            // Another key signs the same window just before each documented signature.
            let other = others[round % 2]
            _ = try other.presignedURL(url: presignURL, keyTime: putTime)
            #expect(
                try putSigner.sign(put, keyTime: putTime).signature == "3b8851a11a569213c17ba8fa7dcf2abec6935172",
                "round \(round)")
            _ = try other.presignedURL(url: presignURL, keyTime: getTime)
            #expect(
                try getSigner.sign(get, keyTime: getTime).signature == "01681b8c9d798a678e43b685a9f1bba0f6c0e012",
                "round \(round)")
            // The same credentials in another window, then the other signer in the window that follows.
            _ = try putSigner.sign(put, keyTime: try Self.keyTime(2 + round % 3))
            _ = try other.authorization(try Self.request(Self.urls[1]), keyTime: presignTime)
            #expect(
                try plain.presignedURL(url: presignURL, keyTime: presignTime)
                    == "https://examplebucket-1250000000.cos.ap-guangzhou.myqcloud.com/folder/a%20b%2Bc.txt?q-sign-algorithm=sha1&q-ak=AKIDQjz3ltompVjBni5LitkWHFlFpwkn9U5q&q-sign-time=1699999940%3B1700000300&q-key-time=1699999940%3B1700000300&q-header-list=host&q-url-param-list=&q-signature=6ddc54b38f57cf27ba9fc741d5cb6262b154207b",
                "round \(round)")
        }
    }

    /// A presigned GET URL with only Host signed, computed here from the document's recipe with
    /// the HMAC and hash primitives alone (not the signer): SignKey = HMAC-SHA1(SecretKey, KeyTime)
    /// as hex; StringToSign = "sha1\nKeyTime\nsha1hex(HttpString)\n"; Signature =
    /// HMAC-SHA1(SignKey hex, StringToSign).
    static func reference(
        id: String, key: String, window: (Int64, Int64), host: String, wirePath: String, decodedPath: String
    ) -> String {
        let keyTime = "\(window.0);\(window.1)"
        let signKey = HMACKey<SHA1>(key: key).authenticate(keyTime).hex
        let httpString = "get\n\(decodedPath)\n\nhost=\(host)\n"
        let stringToSign = "sha1\n\(keyTime)\n\(Hasher<SHA1>.hash(httpString).hex)\n"
        let signature = HMACKey<SHA1>(key: signKey).authenticate(stringToSign).hex
        let encodedTime = "\(window.0)%3B\(window.1)"
        return "https://\(host)\(wirePath)?q-sign-algorithm=sha1&q-ak=\(id)&q-sign-time=\(encodedTime)"
            + "&q-key-time=\(encodedTime)&q-header-list=host&q-url-param-list=&q-signature=\(signature)"
    }

    @Test func interleavedWindowsOfEveryWidthMatchTheRecipe() throws {
        // The recipe itself gives the published presigned URL.
        #expect(
            Self.reference(
                id: Self.docId, key: Self.docKey, window: (1_699_999_940, 1_700_000_300),
                host: "examplebucket-1250000000.cos.ap-guangzhou.myqcloud.com", wirePath: "/folder/a%20b%2Bc.txt",
                decodedPath: "/folder/a b+c.txt")
                == "https://examplebucket-1250000000.cos.ap-guangzhou.myqcloud.com/folder/a%20b%2Bc.txt?q-sign-algorithm=sha1&q-ak=AKIDQjz3ltompVjBni5LitkWHFlFpwkn9U5q&q-sign-time=1699999940%3B1700000300&q-key-time=1699999940%3B1700000300&q-header-list=host&q-url-param-list=&q-signature=6ddc54b38f57cf27ba9fc741d5cb6262b154207b"
        )
        // Windows whose numbers have 1 to 12 digits (the slot keeps the window's text with the
        // key), used by several signers in turn on one thread.
        let windows: [(Int64, Int64)] = [
            (0, 1), (9, 10), (99, 100), (12_345, 678_901), (999_999_999, 1_000_000_000),
            (1_557_989_151, 1_557_996_351), (1_557_989_151, 1_557_996_352), (1_557_989_150, 1_557_996_351),
            (1, 253_402_300_799), (253_402_300_798, 253_402_300_799),
        ]
        let host = "b-1250000000.cos.ap-beijing.myqcloud.com"
        let url = try RequestURL("https://\(host)/plain.txt")
        let signers = try (0..<Self.credentials.count).map(Self.signer)
        var state: UInt64 = 77
        for i in 0..<600 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let c = i < 60 ? i % Self.credentials.count : Int((state >> 33) % UInt64(Self.credentials.count))
            let w = i < 60 ? (i / 3) % windows.count : Int((state >> 45) % UInt64(windows.count))
            let got = try signers[c].presignedURL(
                url: url, keyTime: try KeyTime(start: windows[w].0, end: windows[w].1))
            let want = Self.reference(
                id: Self.credentials[c].id, key: Self.credentials[c].key, window: windows[w], host: host,
                wirePath: "/plain.txt", decodedPath: "/plain.txt")
            #expect(got == want, "step \(i): signer \(c) window \(windows[w])")
        }
    }

    @Test func interleavedSignersOnOneThreadMatchFreshSigners() throws {
        let expected = try Expected()
        let signers = try (0..<Self.credentials.count).map(Self.signer)
        let wrong = try Self.run(Self.steps(count: 1_500, seed: 11), signers: signers, expected: expected)
        #expect(wrong.isEmpty, "\(wrong.prefix(5))")
        // A copy shares its original's cache; a second signer with equal credentials has its own.
        let twins = try (0..<Self.credentials.count).map(Self.signer)
        let mixed = zip(signers.map { $0 }, twins).flatMap { [$0, $1] }
        var wrongTwins: [String] = []
        for (i, step) in Self.steps(count: 800, seed: 12).enumerated() {
            let got = try mixed[step.signer * 2 + i % 2].presignedURL(
                url: try RequestURL(Self.urls[step.url]), keyTime: try Self.keyTime(step.time))
            if got != expected.value(Step(signer: step.signer, time: step.time, url: step.url, header: false)) {
                wrongTwins.append("step \(i)")
            }
        }
        #expect(wrongTwins.isEmpty, "\(wrongTwins.prefix(5))")
    }

    @Test func shortLivedSignersNeverInheritAKey() throws {
        // Signers made and dropped one after another (a new one may well reuse the memory of the
        // last): each must sign with its own SignKey, never the one left in the slot.
        let expected = try Expected()
        for (i, step) in Self.steps(count: 600, seed: 13).enumerated() {
            let got = try Self.signer(step.signer).presignedURL(
                url: try RequestURL(Self.urls[step.url]), keyTime: try Self.keyTime(step.time))
            let want = expected.value(Step(signer: step.signer, time: step.time, url: step.url, header: false))
            #expect(got == want, "step \(i)")
        }
    }

    @Test func interleavedSignersOnSeveralTasksMatchFreshSigners() async throws {
        let expected = try Expected()
        // The same signers shared by every task, so their shared caches are contended too.
        let signers = try (0..<Self.credentials.count).map(Self.signer)
        let wrong = try await withThrowingTaskGroup(of: [String].self) { group in
            for task in 0..<8 {
                group.addTask {
                    try Self.run(Self.steps(count: 800, seed: 200 + UInt64(task)), signers: signers, expected: expected)
                }
            }
            var all: [String] = []
            for try await w in group { all += w }
            return all
        }
        #expect(wrong.isEmpty, "\(wrong.prefix(5))")
    }
}
