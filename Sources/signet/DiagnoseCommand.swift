import ArgumentParser
import Foundation
import Signet

/// `signet diagnose`: diagnoses a failing exchange from a request and a response in the forms
/// people have them.
struct DiagnoseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diagnose",
        abstract: "Diagnose a failing COS/S3 request: causes, evidence, fixes (and signed fixes with --credentials).",
        discussion: """
            Inputs: a positional FILE (or '-') is auto-detected as HAR, curl -v output, a curl command, raw \
            HTTP, or an error body. Or name the form: --request/--response (raw HTTP, or a saved body), \
            --curl, --har, --url with --response.
            --credentials reads TENCENTCLOUD_SECRET_ID/TENCENTCLOUD_SECRET_KEY/TENCENTCLOUD_SESSION_TOKEN (or \
            COS_SECRET_ID/COS_SECRET_KEY) for COS, AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY/AWS_SESSION_TOKEN for \
            SigV4, to re-sign the request and print signed fixes. Secrets and tokens are never printed.
            Exit status: 0 diagnosed, 2 unreadable input.
            """)

    @Argument(help: "Input to auto-detect ('-' for standard input).")
    var input: String?

    @Option(help: "Raw HTTP request text (may also hold the response after it).")
    var request: String?

    @Option(help: "Raw HTTP response, or just the saved response body.")
    var response: String?

    @Option(help: "A curl command line, or curl -v output ('-' for standard input).")
    var curl: String?

    @Option(help: "A HAR file: every failing entry is diagnosed.")
    var har: String?

    @Option(help: "The request URL (with --response), e.g. a presigned URL that failed.")
    var url: String?

    @Option(help: "Method for --url (default GET).")
    var method: String = "GET"

    @Option(name: .customLong("header"), help: "Request header for --url, 'Name: value' (repeatable).")
    var headers: [String] = []

    @Option(help: "HTTP status when the response is a bare body.")
    var status: Int?

    @Flag(help: "Use credentials from the environment to re-sign and to print signed fixes.")
    var credentials = false

    @Option(
        name: .customLong("local-time"),
        help: "When the request was sent by the client's clock (RFC 3339, HTTP date or Unix seconds).")
    var localTime: String?

    @Flag(help: "Print JSON: findings with ids, confidence and evidence.")
    var json = false

    func run() throws {
        let exchanges: [Exchange]
        do {
            exchanges = try readExchanges()
        } catch let e as ExitCode {
            throw e
        } catch {
            printError("signet diagnose: \(error)")
            throw Exit.badInput
        }
        guard !exchanges.isEmpty else {
            if har != nil {
                print(
                    "The HAR file has no failing entries (status 0 or ≥ 400) and no batch deletes: nothing to diagnose."
                )
                return
            }
            printError("signet diagnose: nothing to diagnose")
            throw Exit.badInput
        }
        var local: Double?
        if let localTime {
            guard let t = UTCTime.parseAny(localTime) else {
                printError(
                    "signet diagnose: --local-time \"\(localTime)\" is not a time (RFC 3339, HTTP date or Unix seconds)"
                )
                throw Exit.badInput
            }
            local = t
        }
        let diagnoses = try exchanges.map { e -> Diagnosis in
            var context = DiagnosisContext(localTime: local)
            if credentials { context.credentials = try loadCredentials(for: e) }
            return Diagnoser.diagnose(e, context: context)
        }
        emit(diagnoses, json: json)
    }

    func readExchanges() throws -> [Exchange] {
        if let har { return try HARParser.parse(try readInput(har, what: "HAR")) }
        if let curl {
            let text = String(decoding: try readInput(curl, what: "curl"), as: UTF8.self)
            var e =
                CurlVerboseParser.looksLikeVerbose(text)
                ? try CurlVerboseParser.parse(text) : try CurlCommandParser.parse(text)
            if let response {
                e.response = try RawHTTPParser.response(try readInput(response, what: "response"), status: status)
            }
            return [e]
        }
        if let url {
            var h = HTTPHeaders()
            for item in headers {
                guard let colon = item.firstIndex(of: ":") else {
                    throw InputError("--header \"\(item)\"", "has no colon (use 'Name: value')")
                }
                h.append(
                    String(item[..<colon]).trimmingSpaces, String(item[item.index(after: colon)...]).trimmingSpaces)
            }
            var e = Exchange(
                request: ExchangeRequest(method: method, url: url, headers: h), label: "URL and saved response")
            if let response {
                e.response = try RawHTTPParser.response(try readInput(response, what: "response"), status: status)
            } else if let status {
                e.response = ExchangeResponse(status: status)
            }
            return [e]
        }
        if let request {
            var e = try RawHTTPParser.exchange(try readInput(request, what: "request"))
            if let response {
                e.response = try RawHTTPParser.response(try readInput(response, what: "response"), status: status)
            }
            return [e]
        }
        if let response {
            let r = try RawHTTPParser.response(try readInput(response, what: "response"), status: status)
            return [Exchange(response: r, label: "response")]
        }
        guard let input else {
            throw InputError(
                "signet diagnose", "give an input: FILE, --request, --response, --curl, --har, or --url with --response"
            )
        }
        return try InputDetector.exchanges(try readInput(input, what: "input"), status: status)
    }

    /// The credentials that fit the request's signature scheme, from the environment.
    func loadCredentials(for e: Exchange) throws -> AccessKeyPair? {
        let env = ProcessInfo.processInfo.environment
        let cos = (
            env["TENCENTCLOUD_SECRET_ID"] ?? env["COS_SECRET_ID"],
            env["TENCENTCLOUD_SECRET_KEY"] ?? env["COS_SECRET_KEY"],
            env["TENCENTCLOUD_SESSION_TOKEN"] ?? env["COS_SESSION_TOKEN"]
        )
        let aws = (env["AWS_ACCESS_KEY_ID"], env["AWS_SECRET_ACCESS_KEY"], env["AWS_SESSION_TOKEN"])
        let scheme = e.request.map { RequestAuth($0).scheme } ?? .none
        let order = scheme == .sigv4 ? [aws, cos] : [cos, aws]
        for (id, secret, token) in order {
            if let id, let secret, !id.isEmpty, !secret.isEmpty {
                return try AccessKeyPair(id: id, secret: secret, token: token)
            }
        }
        printError(
            "signet diagnose: --credentials: no key in the environment (TENCENTCLOUD_SECRET_ID/KEY, COS_SECRET_ID/KEY or AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY); continuing without"
        )
        return nil
    }
}
