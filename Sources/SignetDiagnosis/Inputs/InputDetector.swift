/// Guesses what a pasted text is: HAR JSON, `curl -v` output, a curl command, raw HTTP, or an
/// error body alone.
public enum InputDetector {
    /// The kinds of input Signet reads.
    public enum Kind: String, Sendable {
        case har
        case curlVerbose = "curl-verbose"
        case curlCommand = "curl"
        case rawHTTP = "http"
        case responseBody = "body"
    }

    /// The kind of `bytes`.
    public static func detect(_ bytes: [UInt8]) -> Kind {
        let text = String(decoding: bytes.prefix(64 * 1024), as: UTF8.self)
        let trimmed = text.drop { $0.isWhitespace }
        if trimmed.hasPrefix("{") || trimmed.hasPrefix("[") { return .har }
        if CurlVerboseParser.looksLikeVerbose(text) { return .curlVerbose }
        let firstWords = trimmed.prefix(200).split(whereSeparator: { $0.isWhitespace }).prefix(4)
        if firstWords.contains(where: { $0 == "curl" || $0.hasSuffix("/curl") || $0 == "curl.exe" }) {
            return .curlCommand
        }
        let firstLine = trimmed.prefix { $0 != "\n" }
        if firstLine.hasPrefix("HTTP/") { return .rawHTTP }
        let parts = firstLine.split(separator: " ")
        if parts.count >= 2, parts[0].allSatisfy({ $0.isUppercase }),
            parts.last?.hasPrefix("HTTP/") == true || parts.count == 2
        {
            return .rawHTTP
        }
        return .responseBody
    }

    /// Reads `bytes` as whatever it is; a bare body becomes a response with `status`.
    public static func exchanges(_ bytes: [UInt8], status: Int? = nil) throws -> [Exchange] {
        try InputError.checkSize(bytes, input: "input")
        switch detect(bytes) {
        case .har: return try HARParser.parse(bytes)
        case .curlVerbose: return [try CurlVerboseParser.parse(String(decoding: bytes, as: UTF8.self))]
        case .curlCommand: return [try CurlCommandParser.parse(String(decoding: bytes, as: UTF8.self))]
        case .rawHTTP:
            var e = try RawHTTPParser.exchange(bytes)
            if let status, e.response != nil { e.response?.status = status }
            return [e]
        case .responseBody:
            return [Exchange(response: ExchangeResponse(status: status, body: bytes), label: "response body")]
        }
    }
}
