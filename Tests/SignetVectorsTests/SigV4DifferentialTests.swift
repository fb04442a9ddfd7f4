import Foundation
import SignetVectors
import Testing

/// Signs 2,000 fresh random S3 requests with botocore's S3SigV4Auth / S3SigV4QueryAuth (through
/// the committed generator) and requires Signet to reproduce every stage with 0 mismatches.
/// Without botocore the test fails under CI and is skipped otherwise.
struct SigV4DifferentialTests {
    @Test(.enabled(if: pythonPeerAvailable("botocore"), "botocore is not installed (pip install botocore)"))
    func twoThousandRandomRequestsMatchBotocore() throws {
        let seed = Int(Date().timeIntervalSince1970) % 100_000 + 1000
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("signet-sigv4-diff-\(seed).json").path
        defer { try? FileManager.default.removeItem(atPath: out) }
        let r = try runProcess([
            "python3", "scripts/sigv4_botocore.py", "--seed", "\(seed)", "--count", "2000", "--out", out,
        ])
        try #require(r.status == 0, "generator failed: \(r.error)")
        let report = try VectorRunner.run(paths: [out])
        #expect(report.results.count == 2000)
        let failures = report.results.filter { !$0.passed }
        #expect(
            failures.isEmpty,
            "seed \(seed): \(failures.count) mismatches, first: \(failures.first.map { "\($0.id) \($0.failure!.stage): expected \($0.failure!.expected) actual \($0.failure!.actual)" } ?? "")"
        )
    }
}
