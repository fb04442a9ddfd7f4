import ArgumentParser
import Foundation
import Signet

struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Run signing vectors and diagnosis cases (signet-vectors/1, signet-diagnosis/1).",
        discussion: """
            Each failure prints its id, the first stage that differs, the expected and actual values and \
            where they part. The last line is "N passed, M failed". Exit 0 when nothing failed, 1 otherwise, \
            2 when a file cannot be read or is not a valid vector file.
            """)

    @Argument(help: "Vector files or directories (every *.json below them).")
    var paths: [String]

    @Flag(help: "Print every vector's verdict, not only failures.")
    var verbose = false

    func run() throws {
        let report: VectorRunner.Report
        do {
            report = try VectorRunner.run(paths: paths)
        } catch {
            printError("signet verify: \(error)")
            throw Exit.badInput
        }
        for result in report.results {
            if let f = result.failure {
                print("FAIL \(result.id) (\(result.file))")
                print(VerifyCommand.describe(f))
            } else if verbose {
                print("ok   \(result.id) [\(result.checkedStages.joined(separator: ", "))]")
            }
        }
        print("\(report.passed) passed, \(report.failed) failed")
        if report.failed > 0 { throw Exit.checkFailed }
    }

    /// The stage, both values, and where they part (byte offset, line and a window around it).
    static func describe(_ f: VectorResult.Failure) -> String {
        var text = "  first differing stage: \(f.stage)\n"
        text += "  expected: \(visible(f.expected))\n  actual:   \(visible(f.actual))\n"
        let e = Array(f.expected.utf8)
        let a = Array(f.actual.utf8)
        var i = 0
        while i < min(e.count, a.count), e[i] == a[i] { i += 1 }
        let line = e[..<i].filter { $0 == 0x0a }.count + 1
        let from = max(0, i - 20)
        text +=
            "  they part at byte \(i) (line \(line)): expected …\(visible(String(decoding: e[from..<min(e.count, i + 20)], as: UTF8.self)))… "
        text += "actual …\(visible(String(decoding: a[from..<min(a.count, i + 20)], as: UTF8.self)))…"
        return text
    }

    static func visible(_ s: String) -> String {
        s.replacingOccurrences(of: "\n", with: "\\n").replacingOccurrences(of: "\r", with: "\\r")
    }
}
