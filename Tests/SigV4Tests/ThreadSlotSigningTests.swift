import SignetHTTP
import SignetTestSupport
import Testing

@testable import SigV4

/// Signers read their day's key from a per-thread slot that holds one key at a time. These tests
/// interleave signers with different credentials, regions and days on one thread (and on several
/// at once) and compare every result with a signer that has never signed before, so a key served
/// to the wrong signer, region or day shows up as a wrong signature.
struct SigV4ThreadSlotSigningTests {
    static let exampleId = "AKIAIOSFODNN7EXAMPLE"
    static let exampleSecret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
    /// 2013-05-24T00:00:00Z, the date of AWS's documented examples.
    static let exampleTime: Int64 = 1_369_353_600

    /// The signers' setups: different key ids, secrets and regions; two share the AWS example's
    /// credentials and differ only in region.
    static let setups: [(id: String, secret: String, region: String)] = [
        (exampleId, exampleSecret, "us-east-1"),
        ("AKIDBBBBBBBBBBBBBBBB", "secret/B+example+key+0123456789abcdefghij", "eu-west-1"),
        ("AKIDCCCCCCCCCCCCCCCC", "another-secret-C", "ap-southeast-2"),
        (exampleId, exampleSecret, "us-west-2"),
    ]

    /// Signing times: the same day at two seconds, the next day, a later day, and a recent time.
    static let times: [Int64] = [
        exampleTime, exampleTime + 86_399, exampleTime + 86_400, exampleTime + 3 * 86_400 + 12_345, 1_718_201_699,
    ]

    static let urls = ["https://examplebucket.s3.amazonaws.com/test.txt", "https://b.example/dir/a%20b.bin?x=1"]

    static func signer(_ setup: Int) throws -> SigV4Signer {
        let s = setups[setup]
        return SigV4Signer(
            credentials: try SigV4Credentials(accessKeyId: s.id, secretAccessKey: s.secret),
            settings: try SigV4Settings(region: s.region))
    }

    /// The header-mode request of AWS's documented GET Object example.
    static func rangeRequest(_ url: String) throws -> SigningRequest {
        try SigningRequest(method: "GET", url: url, headers: [("Range", "bytes=0-9")])
    }

    typealias Step = SigningStep

    /// A seeded interleaving that switches signer setup, day and mode often.
    static func steps(count: Int, seed: UInt64) -> [Step] {
        SigningStep.interleaving(signers: setups.count, times: times.count, urls: urls.count, count: count, seed: seed)
    }

    /// What each step must give, each from a brand-new signer that has never signed before (so it
    /// derives its own key): presigned URLs, and Authorization values in header mode.
    struct Expected: Sendable {
        var presigned: [[[String]]] = []
        var authorization: [[[String]]] = []

        init() throws {
            for s in 0..<setups.count {
                var p: [[String]] = []
                var a: [[String]] = []
                for t in times {
                    p.append(try urls.map { try signer(s).presignedURL(url: $0, expires: 86_400, at: t) })
                    a.append(try urls.map { try signer(s).sign(try rangeRequest($0), at: t).authorization ?? "" })
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
    static func run(_ steps: [Step], signers: [SigV4Signer], expected: Expected) throws -> [String] {
        var wrong: [String] = []
        for (i, step) in steps.enumerated() {
            let signer = signers[step.signer]
            let t = times[step.time]
            let url = urls[step.url]
            let got =
                step.header
                ? try signer.sign(try rangeRequest(url), at: t).authorization ?? ""
                : try signer.presignedURL(url: url, expires: 86_400, at: t)
            if got != expected.value(step) {
                wrong.append("step \(i): signer \(step.signer) time \(t) url \(url) header \(step.header): \(got)")
            }
        }
        return wrong
    }

    @Test func theExpectationsAreDistinct() throws {
        // Sanity of the setup: every signer, time and URL gives its own signature, and the two
        // signers that share credentials (regions differ) sign with different keys, so a key
        // served to the wrong signer or day cannot go unnoticed.
        let e = try Expected()
        var signatures = Set<String>()
        for s in 0..<Self.setups.count {
            for t in 0..<Self.times.count {
                for u in 0..<Self.urls.count {
                    let url = e.presigned[s][t][u]
                    #expect(url.contains("&X-Amz-Signature="))
                    signatures.insert(String(url.split(separator: "=").last ?? ""))
                }
            }
        }
        #expect(signatures.count == Self.setups.count * Self.times.count * Self.urls.count)
        #expect(signatures.allSatisfy { $0.count == 64 })
    }

    @Test func documentedExamplesComeOutExactlyWhenInterleaved() throws {
        let signers = try (0..<Self.setups.count).map(Self.signer)
        let example = signers[0]
        let url = Self.urls[0]
        for round in 0..<40 {
            // Another signer (another key, region or day) signs between each use of the example's.
            let other = signers[1 + round % (signers.count - 1)]
            _ = try other.presignedURL(url: url, expires: 60, at: Self.times[round % Self.times.count])
            let presigned = try example.presignedURL(url: url, expires: 86_400, at: Self.exampleTime)
            #expect(
                presigned
                    == "https://examplebucket.s3.amazonaws.com/test.txt?X-Amz-Algorithm=AWS4-HMAC-SHA256"
                    + "&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20130524%2Fus-east-1%2Fs3%2Faws4_request"
                    + "&X-Amz-Date=20130524T000000Z&X-Amz-Expires=86400&X-Amz-SignedHeaders=host"
                    + "&X-Amz-Signature=aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404",
                "round \(round)")
            // The example's own signer on another day, then back: the slot must follow the day.
            _ = try example.presignedURL(url: url, expires: 60, at: Self.exampleTime + 86_400 * Int64(1 + round % 3))
            _ = try other.sign(try Self.rangeRequest(url), at: Self.exampleTime)
            let header = try example.sign(try Self.rangeRequest(url), at: Self.exampleTime)
            #expect(
                header.signature == "f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41", "round \(round)"
            )
            #expect(header.credentialScope == "20130524/us-east-1/s3/aws4_request")
        }
    }

    @Test func interleavedSignersOnOneThreadMatchFreshSigners() throws {
        let expected = try Expected()
        let signers = try (0..<Self.setups.count).map(Self.signer)
        let wrong = try Self.run(Self.steps(count: 1_500, seed: 1), signers: signers, expected: expected)
        #expect(wrong.isEmpty, "\(wrong.prefix(5))")
        // A copy shares its original's cache; a second signer with equal settings has its own.
        let copies = signers.map { $0 }
        let twins = try (0..<Self.setups.count).map(Self.signer)
        let mixed = zip(copies, twins).flatMap { [$0, $1] }
        let twinSteps = Self.steps(count: 800, seed: 2)
        var wrongTwins: [String] = []
        for (i, step) in twinSteps.enumerated() {
            let which = mixed[step.signer * 2 + i % 2]
            let got = try which.presignedURL(url: Self.urls[step.url], expires: 86_400, at: Self.times[step.time])
            if got != expected.value(Step(signer: step.signer, time: step.time, url: step.url, header: false)) {
                wrongTwins.append("step \(i)")
            }
        }
        #expect(wrongTwins.isEmpty, "\(wrongTwins.prefix(5))")
    }

    @Test func shortLivedSignersNeverInheritAKey() throws {
        // Signers made and dropped one after another (a new one may well reuse the memory of the
        // last): each must sign with its own key, never the one left in the slot.
        let expected = try Expected()
        let steps = Self.steps(count: 600, seed: 3)
        for (i, step) in steps.enumerated() {
            let got = try Self.signer(step.signer).presignedURL(
                url: Self.urls[step.url], expires: 86_400, at: Self.times[step.time])
            let want = expected.value(Step(signer: step.signer, time: step.time, url: step.url, header: false))
            #expect(got == want, "step \(i)")
        }
    }

    @Test func interleavedSignersOnSeveralTasksMatchFreshSigners() async throws {
        let expected = try Expected()
        // The same signers shared by every task, so their shared caches are contended too.
        let signers = try (0..<Self.setups.count).map(Self.signer)
        let wrong = try await withThrowingTaskGroup(of: [String].self) { group in
            for task in 0..<8 {
                group.addTask {
                    try Self.run(Self.steps(count: 800, seed: 100 + UInt64(task)), signers: signers, expected: expected)
                }
            }
            var all: [String] = []
            for try await w in group { all += w }
            return all
        }
        #expect(wrong.isEmpty, "\(wrong.prefix(5))")
    }
}
