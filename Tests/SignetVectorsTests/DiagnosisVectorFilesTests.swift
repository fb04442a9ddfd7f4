import Foundation
import SignetVectors
import Testing

struct DiagnosisVectorFilesTests {
    @Test func everyDiagnosisCasePasses() throws {
        let report = try VectorRunner.run(paths: [repositoryRoot + "/vectors/diagnosis"])
        expectAllPass(report, minimum: 40)
    }

    @Test func mostCasesComeFromRealServers() throws {
        let files = try VectorRunner.files(in: [repositoryRoot + "/vectors/diagnosis"])
        var captured = 0
        for f in files where f.hasSuffix("-captured.json") {
            captured += try VectorRunner.run(file: f).count
        }
        #expect(captured >= 40, "only \(captured) captured cases")
    }

    @Test func aMissingFindingFailsAndAnAbsentOneIsChecked() throws {
        let json = #"""
            {"format":"signet-diagnosis/1","cases":[
             {"id":"a","response":{"status":404,"headers":[],"body":"<Error><Code>NoSuchKey</Code></Error>"},
              "expect":{"findings":["no-such-upload.unknown-upload-id"]}},
             {"id":"b","response":{"status":404,"headers":[],"body":"<Error><Code>NoSuchKey</Code></Error>"},
              "expect":{"findings":["no-such-key.object"],"absent":["no-such-key.object"]}},
             {"id":"c","response":{"status":404,"headers":[],"body":"<Error><Code>NoSuchKey</Code></Error>"},
              "expect":{"findings":["no-such-key.object"]}}]}
            """#
        let results = try VectorRunner.run(data: Data(json.utf8), file: "x.json")
        #expect(results.map(\.passed) == [false, false, true])
        #expect(results[0].failure?.stage == "findings")
        #expect(results[1].failure?.stage == "absent")
    }

    @Test func badCaseFilesAreInputErrors() {
        #expect(throws: VectorFileError.self) {
            try VectorRunner.run(
                data: Data(#"{"format":"signet-diagnosis/1","cases":[{"id":"a","response":{"status":1}}]}"#.utf8),
                file: "x.json")
        }
    }
}
