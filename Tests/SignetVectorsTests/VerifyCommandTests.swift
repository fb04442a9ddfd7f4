import Foundation
import Testing

/// `signet verify` keeps the contract of VECTORS.md: the last line is exactly `N passed, M failed`;
/// exit 0 when nothing failed, 1 when something did, 2 for an unreadable or invalid file.
struct VerifyCommandTests {
    /// The built `signet` executable next to the test bundle (or SIGNET_BIN).
    static var signet: String? {
        if let path = ProcessInfo.processInfo.environment["SIGNET_BIN"] { return path }
        let arg0 = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        let candidates =
            [
                Bundle.main.bundleURL, arg0.deletingLastPathComponent(),
                arg0.deletingLastPathComponent().deletingLastPathComponent(),
            ]
            + Bundle.allBundles.map { $0.bundleURL.deletingLastPathComponent() }
        return candidates.map { $0.appendingPathComponent("signet").path }.first {
            FileManager.default.isExecutableFile(atPath: $0)
        }
    }

    static func write(_ text: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("signet-verify-\(UUID()).json").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    static let good = #"""
        {"format":"signet-vectors/1","vectors":[{"id":"v8.1","scheme":"cos",
         "credentials":{"id":"AKIDQjz3ltompVjBni5LitkWHFlFpwkn9U5q","secret":"BQYIM75p8x0iWVFSIgqEKwFprpRSVHlz"},
         "request":{"method":"GET","url":"https://examplebucket-1250000000.cos.ap-guangzhou.myqcloud.com/exampleobject.txt","headers":[]},
         "sign":{"mode":"header","keyTime":"1699999940;1700000300"},
         "expect":{"signature":"a88bca6754fedb4199d1bf7aa69847f0ee396e93"}}]}
        """#

    @Test func exitCodesAndClosingLine() throws {
        guard let signet = Self.signet else {
            if isCI { Issue.record("the signet binary was not found next to the tests") }
            return
        }
        let passing = try Self.write(Self.good)
        let failing = try Self.write(Self.good.replacingOccurrences(of: "ee396e93", with: "ee396e94"))
        let broken = try Self.write(#"{"format":"signet-vectors/1","vectors":[{"id":"x","scheme":"cos"}]}"#)
        defer { for p in [passing, failing, broken] { try? FileManager.default.removeItem(atPath: p) } }

        let ok = try runProcess([signet, "verify", passing])
        #expect(ok.status == 0)
        #expect(ok.output.split(separator: "\n").last == "1 passed, 0 failed")

        let bad = try runProcess([signet, "verify", passing, failing])
        #expect(bad.status == 1)
        #expect(bad.output.split(separator: "\n").last == "1 passed, 1 failed")
        #expect(bad.output.contains("first differing stage: signature"))

        let invalid = try runProcess([signet, "verify", broken])
        #expect(invalid.status == 2)
        #expect(invalid.error.contains("$.vectors[0].credentials"))

        let missing = try runProcess([signet, "verify", "/nonexistent/vectors.json"])
        #expect(missing.status == 2)
    }
}
