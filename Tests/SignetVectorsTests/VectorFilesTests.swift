import Foundation
import SignetVectors
import Testing

/// The repository root (two levels above this file's folder).
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().path

/// Fails the test with each failing vector's id and first differing stage.
func expectAllPass(_ report: VectorRunner.Report, minimum: Int, sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(report.results.count >= minimum, "only \(report.results.count) vectors ran", sourceLocation: sourceLocation)
    for r in report.results where !r.passed {
        Issue.record(
            "\(r.id): stage \(r.failure!.stage)\n expected: \(r.failure!.expected)\n actual:   \(r.failure!.actual)",
            sourceLocation: sourceLocation)
    }
}

struct COSVectorFilesTests {
    @Test func everyCOSVectorFilePasses() throws {
        let report = try VectorRunner.run(paths: [repositoryRoot + "/vectors/cos"])
        expectAllPass(report, minimum: 460)
    }

    /// `swift test` runs every file under vectors/, whatever folder it is in.
    @Test func everyVectorFileInTheRepositoryPasses() throws {
        let report = try VectorRunner.run(paths: [repositoryRoot + "/vectors"])
        expectAllPass(report, minimum: 1090)
    }

    @Test func brokenFilesAreInputErrors() throws {
        #expect(throws: VectorFileError.self) { try VectorRunner.run(data: Data("{".utf8), file: "x.json") }
        #expect(throws: VectorFileError.self) {
            try VectorRunner.run(data: Data(#"{"format":"signet-vectors/9","vectors":[]}"#.utf8), file: "x.json")
        }
        #expect {
            try VectorRunner.run(
                data: Data(#"{"format":"signet-vectors/1","vectors":[{"id":"a","scheme":"cos"}]}"#.utf8), file: "x.json"
            )
        } throws: { e in
            String(describing: e).contains("$.vectors[0].credentials")
        }
    }

    @Test func aWrongExpectationFailsAtItsStage() throws {
        let json = #"""
            {"format":"signet-vectors/1","vectors":[{"id":"tampered","scheme":"cos",
             "credentials":{"id":"AKIDQjz3ltompVjBni5LitkWHFlFpwkn9U5q","secret":"BQYIM75p8x0iWVFSIgqEKwFprpRSVHlz"},
             "request":{"method":"GET","url":"https://examplebucket-1250000000.cos.ap-guangzhou.myqcloud.com/exampleobject.txt","headers":[]},
             "sign":{"mode":"header","keyTime":"1699999940;1700000300"},
             "expect":{"signature":"a88bca6754fedb4199d1bf7aa69847f0ee396e94"}}]}
            """#
        let results = try VectorRunner.run(data: Data(json.utf8), file: "t.json")
        #expect(results.count == 1)
        #expect(results[0].failure?.stage == "signature")
        #expect(results[0].failure?.actual == "a88bca6754fedb4199d1bf7aa69847f0ee396e93")
    }
}
