import Foundation
import SignetVectors
import Testing

/// Every file in vectors/sigv4 (the classic, CRT, S3-doc and smithy suites, bad input and the
/// committed botocore vectors) through the runner: nothing may fail.
struct SigV4VectorFilesTests {
    @Test(arguments: [
        ("aws-classic.json", 31), ("aws-crt-v4.json", 76), ("s3-doc-examples.json", 8),
        ("smithy-double-encode.json", 4), ("bad-input.json", 20), ("botocore.json", 400),
    ])
    func vectorFilePasses(_ name: String, _ count: Int) throws {
        let results = try VectorRunner.run(file: repositoryRoot + "/vectors/sigv4/" + name)
        #expect(results.count == count)
        for r in results where !r.passed {
            Issue.record(
                "\(r.id): stage \(r.failure!.stage)\n expected: \(r.failure!.expected)\n actual:   \(r.failure!.actual)"
            )
        }
    }

    @Test func everyFileInTheFolderPasses() throws {
        expectAllPass(try VectorRunner.run(paths: [repositoryRoot + "/vectors/sigv4"]), minimum: 539)
    }

    @Test func aWrongChunkSignatureFailsAtItsStage() throws {
        let path = repositoryRoot + "/vectors/sigv4/s3-doc-examples.json"
        var text = String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self)
        text = text.replacingOccurrences(
            of: "\"0055627c9e194cb4542bae2aa5492e3c1575bbb81b612b7d234b86a503ef5497\"",
            with: "\"0055627c9e194cb4542bae2aa5492e3c1575bbb81b612b7d234b86a503ef5498\"")
        let results = try VectorRunner.run(data: Data(text.utf8), file: "tampered.json")
        let failed = results.filter { !$0.passed }
        #expect(failed.count == 1)
        #expect(failed.first?.failure?.stage == "chunkSignatures[1]")
    }
}
