import SignetCrypto
import SignetHTTP
import Testing

@testable import SigV4

/// The one-entry signing-key cache: filled on first use, replaced when the day changes, shared by
/// copies of a signer, and never the source of a wrong signature.
struct SigningKeyCacheTests {
    static func make() throws -> SigV4Signer {
        SigV4Signer(
            credentials: try SigV4Credentials(
                accessKeyId: "AKIAIOSFODNN7EXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"),
            settings: try SigV4Settings(region: "us-east-1"))
    }

    @Test func keyIsCachedPerDayAndStaysCorrectAcrossDays() throws {
        let signer = try Self.make()
        #expect(!signer.cache.isFilled)
        let day1: Int64 = 1_369_353_600
        let day2 = day1 + 86_400
        let a = try signer.presignedURL(url: "https://h/k", expires: 60, at: day1)
        #expect(signer.cache.isFilled)
        #expect(signer.cache.lookup(day: day1 / 86_400) != nil)
        let b = try signer.presignedURL(url: "https://h/k", expires: 60, at: day2)
        #expect(signer.cache.lookup(day: day1 / 86_400) == nil)
        #expect(signer.cache.lookup(day: day2 / 86_400) != nil)
        // Back to day 1: the same URL as a fresh signer gives.
        #expect(try signer.presignedURL(url: "https://h/k", expires: 60, at: day1) == a)
        #expect(try Self.make().presignedURL(url: "https://h/k", expires: 60, at: day2) == b)
        // Copies share the cache.
        let copy = signer
        #expect(copy.cache === signer.cache)
        let cached = signer.cache.lookup(day: day1 / 86_400)!
        #expect(
            cached.key
                == SigV4Canonical.signingKey(
                    secret: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", date: "20130524", region: "us-east-1",
                    service: "s3"))
    }

    @Test func concurrentSigningAcrossDaysAgrees() async throws {
        let signer = try Self.make()
        let day1: Int64 = 1_369_353_600
        let expected = [
            try Self.make().presignedURL(url: "https://h/k", expires: 60, at: day1),
            try Self.make().presignedURL(url: "https://h/k", expires: 60, at: day1 + 86_400),
        ]
        try await withThrowingTaskGroup(of: Bool.self) { group in
            for i in 0..<64 {
                group.addTask {
                    let t = day1 + Int64(i % 2) * 86_400
                    return try signer.presignedURL(url: "https://h/k", expires: 60, at: t) == expected[i % 2]
                }
            }
            for try await ok in group { #expect(ok) }
        }
    }
}
