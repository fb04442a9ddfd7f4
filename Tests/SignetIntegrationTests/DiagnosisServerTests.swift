import Foundation
import Signet
import Testing

/// Real failures on the JuiceFS gateway and SeaweedFS, captured and diagnosed.
///
/// Part 1 runs `scripts/capture_diagnosis.py` against fresh servers (expired presigned URLs, a wrong
/// secret, skewed clocks, NoSuchUpload after an abort, a copy from a folder key without `/`, batch
/// deletes with leading-slash keys, …) and checks every captured exchange's diagnosis. Part 2 signs
/// with Signet itself, with a clock shifted 30 minutes, sends with `curl -v`, and diagnoses the curl
/// output.
///
/// What the servers did with a batch delete whose keys start with `/` (recorded by the capture
/// script, 2026-11-25): both answered 200 and removed the real objects `dir/a.txt` and `dir/b.txt`
/// (they strip the leading slash). JuiceFS listed the deleted entries with empty `<Key>` elements;
/// SeaweedFS echoed the keys as sent (`/dir/a.txt`). COS, by contrast, takes the key literally and
/// leaves the real object in place (FAQ), so Signet reports these keys on any server.
@Suite(.serialized) struct DiagnosisServerTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path
    static let isCI = ProcessInfo.processInfo.environment["CI"] == "true"

    /// Runs a command with posix_spawn and waitpid, output captured in files (the peer scripts leave
    /// daemons behind, and Foundation's Process can miss the exit of such a parent).
    static func run(_ args: [String], env: [String: String] = [:]) throws -> (status: Int32, out: String, err: String) {
        let r = try Spawn.run("/usr/bin/env", args, environment: env)
        return (r.status, r.output, r.error)
    }

    /// True when the peer binaries are there; in CI their absence is a failure.
    static func peersAvailable() -> Bool {
        let probe = """
            import sysconfig, os, shutil, sys
            d = sysconfig.get_path("scripts")
            ok = all(os.access(os.path.join(d, b), os.X_OK) or shutil.which(b) for b in ("juicefs", "weed"))
            import botocore
            sys.exit(0 if ok else 1)
            """
        let ok = (try? run(["python3", "-c", probe]).status) == 0 && (try? run(["curl", "--version"]).status) == 0
        if !ok && isCI { Issue.record("juicefs/weed/botocore/curl missing in CI: .ci/run must install them") }
        return ok
    }

    @Test func capturedServerFailuresAreDiagnosed() throws {
        guard Self.peersAvailable() else { return }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("signet-diag-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let r = try Self.run(["python3", Self.root + "/scripts/capture_diagnosis.py", "--out-dir", dir])
        print(r.out)
        try #require(r.status == 0, "capture failed: \(r.err.suffix(3000))")
        let report = try VectorRunner.run(paths: [dir])
        #expect(report.results.count >= 50)
        for res in report.results where !res.passed {
            Issue.record(
                "\(res.id): \(res.failure!.stage): expected \(res.failure!.expected), got \(res.failure!.actual)")
        }
        #expect(r.out.contains("observed leading-slash-batch-delete"))
        // Every DIAGNOSIS.md id was produced by a real exchange (per-key errors come from SeaweedFS,
        // which refuses dot-segment keys inside a 200 DeleteResult).
        var produced = Set<String>()
        for file in try VectorRunner.files(in: [dir]) {
            let doc = try JSONValue.parse(try Data(contentsOf: URL(fileURLWithPath: file)))
            guard case .array(let cases)? = doc["cases"] else { continue }
            for c in cases {
                guard case .array(let want)? = c["expect"]?["findings"] else { continue }
                for w in want { if let s = w.stringValue { produced.insert(s) } }
            }
        }
        for id in [
            "request-expired.signature-window", "request-expired.local-clock", "request-expired.temporary-key",
            "clock-skew.request-time-too-skewed", "signature-mismatch.header-altered",
            "signature-mismatch.path-encoding",
            "signature-mismatch.wrong-secret", "no-such-upload.unknown-upload-id", "no-such-key.copy-source",
            "batch-delete.leading-slash-key", "batch-delete.per-key-error",
        ] {
            #expect(produced.contains(id), "no real-server exchange produced \(id)")
        }
    }

    @Test func signetSignedRequestsWithAShiftedClockAreDiagnosedFromCurlOutput() throws {
        guard Self.peersAvailable() else { return }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("signet-diag-jfs-\(UUID().uuidString)")
            .path
        let port = try Self.run(["python3", Self.root + "/scripts/peers/free_port.py"]).out.trimmingCharacters(
            in: .whitespacesAndNewlines)
        let start = try Self.run(
            ["bash", Self.root + "/scripts/peers/juicefs.sh", "start", dir, port],
            env: ["PEER_WATCH_PID": "\(ProcessInfo.processInfo.processIdentifier)"])
        defer {
            _ = try? Self.run(["bash", Self.root + "/scripts/peers/juicefs.sh", "stop", dir])
            try? FileManager.default.removeItem(atPath: dir)
        }
        try #require(start.status == 0, "juicefs did not start: \(start.err.suffix(2000))")
        let base = start.out.trimmingCharacters(in: .whitespacesAndNewlines)
        let creds = try SigV4Credentials(
            accessKeyId: "AKIAIOSFODNN7EXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")
        let settings = try SigV4Settings(region: "us-east-1")
        let right = SigV4Signer(credentials: creds, settings: settings)
        // A clock 30 minutes fast: what a machine with a wrong clock would sign.
        let fast = SigV4Signer(credentials: creds, settings: settings, clock: OffsetClock(SystemClock(), offset: 1800))

        func curlV(_ signer: SigV4Signer, _ method: String, _ url: String) throws -> String {
            let req = try SigningRequest(method: method, url: url)
            let sig = try signer.sign(req)
            var args = ["curl", "-sS", "-v", "-X", method, url]
            for h in sig.headersToAdd { args += ["-H", "\(h.name): \(h.value)"] }
            let r = try Self.run(args)
            return r.err + "\n" + r.out  // -v writes the exchange to stderr, the body to stdout
        }
        _ = try curlV(right, "PUT", "\(base)/diag-swift")
        _ = try curlV(right, "PUT", "\(base)/diag-swift/k.txt")

        let skewed = try CurlVerboseParser.parse(try curlV(fast, "GET", "\(base)/diag-swift/k.txt"))
        #expect(skewed.response?.status == 403)
        let d = Diagnoser.diagnose(skewed)
        #expect(d.ids.first == "clock-skew.request-time-too-skewed", "\(d.ids)")
        #expect(d.findings.first?.evidence.contains { $0.value.contains("ahead of") } == true)

        // An expired presigned URL made by Signet two minutes ago for 60 s.
        let now = Int64(Date().timeIntervalSince1970)
        let url = try right.presignedURL(method: "GET", url: "\(base)/diag-swift/k.txt", expires: 60, at: now - 120)
        let expired = try Self.run(["curl", "-sS", "-v", url])
        let e = try CurlVerboseParser.parse(expired.err + "\n" + expired.out)
        let d2 = Diagnoser.diagnose(e, context: DiagnosisContext(localTime: Double(now)))
        #expect(d2.ids.first == "request-expired.signature-window", "\(d2.ids)")
        #expect(!d2.ids.contains("request-expired.local-clock"))
    }
}
