import Foundation
import SignetVectors
import Testing

/// Signs 2,000 fresh random requests with Tencent's cos-python-sdk-v5 (through the committed
/// generator) and requires Signet to reproduce every stage: HttpString, StringToSign, SignKey,
/// signature, Authorization, and the URL where the SDK's URL is canonical.
struct COSDifferentialTests {
    @Test(
        .enabled(
            if: pythonPeerAvailable("qcloud_cos"), "cos-python-sdk-v5 is not installed (pip install cos-python-sdk-v5)")
    )
    func twoThousandRandomRequestsMatchTheSDK() throws {
        let seed = Int(Date().timeIntervalSince1970) % 100_000 + 1000
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("signet-cos-diff-\(seed).json").path
        defer { try? FileManager.default.removeItem(atPath: out) }
        let r = try runProcess([
            "python3", "scripts/cos_vectors.py", "--seed", "\(seed)", "--count", "2000", "--out", out,
        ])
        try #require(r.status == 0, "generator failed: \(r.error)")
        let report = try VectorRunner.run(paths: [out])
        #expect(report.results.count == 2000)
        let failures = report.results.filter { !$0.passed }
        #expect(
            failures.isEmpty,
            "seed \(seed): \(failures.count) mismatches, first: \(failures.first.map { "\($0.id) \($0.failure!.stage)" } ?? "")"
        )
    }
}
