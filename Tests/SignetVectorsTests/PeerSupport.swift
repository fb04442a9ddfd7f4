import Foundation
import SignetVectors
import Testing

/// Runs a command and returns its exit status and standard output.
func runProcess(_ arguments: [String], environment: [String: String]? = nil, cwd: String = repositoryRoot) throws -> (
    status: Int32, output: String, error: String
) {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    p.arguments = arguments
    p.currentDirectoryURL = URL(fileURLWithPath: cwd)
    if let environment { p.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 } }
    let out = Pipe()
    let err = Pipe()
    p.standardOutput = out
    p.standardError = err
    try p.run()
    let o = out.fileHandleForReading.readDataToEndOfFile()
    let e = err.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    return (p.terminationStatus, String(decoding: o, as: UTF8.self), String(decoding: e, as: UTF8.self))
}

/// True when running in CI, where a missing peer is a failure rather than a skip.
let isCI = ProcessInfo.processInfo.environment["CI"] != nil

/// Whether a Python module can be imported; in CI a missing one is recorded as a failure.
func pythonPeerAvailable(_ module: String) -> Bool {
    let ok = (try? runProcess(["python3", "-c", "import \(module)"]).status) == 0
    if !ok && isCI { Issue.record("python module \(module) is missing in CI; .ci/run must install it") }
    return ok
}

/// Has a committed generator sign `count` fresh random requests with a peer (seed from the clock,
/// printed on failure so a run can be repeated), then requires Signet to reproduce every stage.
func expectPeerAgreement(generator: String, count: Int = 2000, sourceLocation: SourceLocation = #_sourceLocation) throws
{
    let seed = Int(Date().timeIntervalSince1970) % 100_000 + 1000
    let out = FileManager.default.temporaryDirectory.appendingPathComponent("signet-diff-\(seed)-\(UUID()).json").path
    defer { try? FileManager.default.removeItem(atPath: out) }
    let r = try runProcess(["python3", generator, "--seed", "\(seed)", "--count", "\(count)", "--out", out])
    try #require(r.status == 0, "generator failed: \(r.error)", sourceLocation: sourceLocation)
    let report = try VectorRunner.run(paths: [out])
    #expect(report.results.count == count, sourceLocation: sourceLocation)
    let failures = report.results.filter { !$0.passed }
    let first = failures.first.map {
        "\($0.id) \($0.failure!.stage): expected \($0.failure!.expected) actual \($0.failure!.actual)"
    }
    #expect(
        failures.isEmpty, "seed \(seed): \(failures.count) mismatches, first: \(first ?? "")",
        sourceLocation: sourceLocation)
}
