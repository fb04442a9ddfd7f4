import ArgumentParser
import Foundation
import Signet

/// Exit codes shared by every subcommand.
enum Exit {
    static let checkFailed = ExitCode(1)
    static let badInput = ExitCode(2)
}

/// Prints a bad-input error the way every subcommand does, then exits with 2.
func failBadInput(_ error: Error) -> ExitCode {
    FileHandle.standardError.write(Data("signet: error: \(error)\n".utf8))
    return Exit.badInput
}

/// Runs `body`, turning Signet input errors into exit code 2 with a clear message.
func runReportingErrors(_ body: () throws -> Void) throws {
    do {
        try body()
    } catch let error as ExitCode {
        throw error
    } catch let error as CleanExit {
        throw error
    } catch {
        throw failBadInput(error)
    }
}

/// Writes text to standard error.
func printError(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}

/// Parses a time option (Unix seconds, RFC 3339, yyyyMMddTHHmmssZ or an HTTP date); nil when not given.
func parseTimeOption(_ text: String?, _ field: String) throws -> Double? {
    guard let text else { return nil }
    guard let t = UTCTime.parseAny(text), t.isFinite else {
        throw SignetError(
            field, "\"\(text)\" is not a time", allowed: "Unix seconds, RFC 3339, yyyyMMddTHHmmssZ or an HTTP date")
    }
    return t
}

/// Prints a signature's plain output: the presigned URL, or else the headers to add, one a line.
func printSignedOutput(url: String?, headers: [HTTPHeader], hide: (String) -> String) {
    if let url {
        print(url)
    } else {
        for h in headers { print("\(h.name): \(hide(h.value))") }
    }
}

/// JSON text for a flat or nested value made of strings, numbers, bools, arrays and dictionaries.
func jsonText(_ value: Any) -> String {
    guard
        let data = try? JSONSerialization.data(
            withJSONObject: value, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
    else {
        return "{}"
    }
    return String(decoding: data, as: UTF8.self)
}

/// Parses `K: v` header arguments.
func parseHeaderArguments(_ items: [String]) throws -> HTTPHeaders {
    var headers = HTTPHeaders()
    for item in items {
        guard let colon = item.firstIndex(of: ":") else {
            throw SignetError("--header \"\(item)\"", "has no colon", allowed: "'Name: value'")
        }
        headers.append(String(item[..<colon]).trimmingSpaces, String(item[item.index(after: colon)...]).trimmingSpaces)
    }
    try headers.validate()
    return headers
}

/// Appends `--param k=v` items to a URL's query, percent-encoding them.
func urlWithParameters(_ url: String, _ params: [String]) throws -> String {
    guard !params.isEmpty else { return url }
    var out = url
    var hasQuery = url.contains("?")
    for p in params {
        let name: String
        let value: String?
        if let eq = p.firstIndex(of: "=") {
            name = String(p[..<eq])
            value = String(p[p.index(after: eq)...])
        } else {
            name = p
            value = nil
        }
        guard !name.isEmpty else {
            throw SignetError("--param \"\(p)\"", "has an empty name", allowed: "name=value or name")
        }
        out += hasQuery ? "&" : "?"
        hasQuery = true
        out += PercentEncoding.encode(name)
        if let value { out += "=" + PercentEncoding.encode(value) }
    }
    return out
}
