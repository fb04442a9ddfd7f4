import ArgumentParser
import Foundation
import Signet

/// `signet explain`: explains an error body (COS or S3 XML) without the request.
struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Explain a COS or S3 error response body: cause, evidence, fix, FAQ question.",
        discussion: """
            Reads an error body (or a whole raw HTTP response) from FILE or standard input. With only the \
            body, rules that compare the request are skipped: use `signet diagnose` for those. \
            Exit status: 0 explained, 2 unreadable input.
            """)

    @Argument(help: "The error body or raw HTTP response; '-' or nothing for standard input.")
    var file: String = "-"

    @Option(help: "The HTTP status, when the file holds only the body (e.g. a HEAD gives none).")
    var status: Int?

    @Flag(help: "Print JSON: findings with ids, confidence and evidence.")
    var json = false

    func run() throws {
        let bytes = try readInput(file, what: "error body")
        guard !bytes.isEmpty || status != nil else {
            printError("signet explain: the input is empty; pass an error body, or --status N for a body-less response")
            throw Exit.badInput
        }
        let response: ExchangeResponse
        do {
            try InputError.checkSize(bytes, input: "error body")
            response = try RawHTTPParser.response(bytes, status: status)
        } catch {
            printError("signet explain: \(error)")
            throw Exit.badInput
        }
        let d = Diagnoser.diagnose(Exchange(response: response, label: nil), context: DiagnosisContext())
        emit([d], json: json)
    }
}

/// Reads a file, or standard input for `-`.
func readInput(_ path: String, what: String) throws -> [UInt8] {
    if path == "-" {
        let data = FileHandle.standardInput.readDataToEndOfFile()
        return Array(data)
    }
    guard let data = FileManager.default.contents(atPath: path) else {
        printError("signet: cannot read \(what) file \(path)")
        throw Exit.badInput
    }
    return Array(data)
}

/// Prints diagnoses as text or JSON.
func emit(_ diagnoses: [Diagnosis], json: Bool) {
    if json {
        let list = diagnoses.map(JSONRenderer.object)
        print(jsonText(diagnoses.count == 1 ? list[0] as Any : ["diagnoses": list] as Any))
    } else {
        print(diagnoses.map(HumanRenderer.render).joined(separator: "\n"), terminator: "")
    }
}
