import Foundation
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
