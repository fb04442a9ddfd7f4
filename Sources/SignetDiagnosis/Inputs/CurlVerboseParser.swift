/// Reads `curl -v` output: `> ` request lines, `< ` response lines, `* ` info lines, and the body
/// that follows the response headers.
public enum CurlVerboseParser {
    /// True when the text looks like `curl -v` output.
    public static func looksLikeVerbose(_ text: String) -> Bool {
        let lines = text.split(maxSplits: 200, whereSeparator: { $0 == "\n" || $0 == "\r\n" }).prefix(200)
        return lines.contains { $0.hasPrefix("> ") }
            && (lines.contains { $0.hasPrefix("< ") } || lines.contains { $0.hasPrefix("* ") })
    }

    /// Parses the output; the last request/response pair is diagnosed (after redirects).
    /// - Throws: `InputError` when no `> ` request line is present.
    public static func parse(_ text: String) throws -> Exchange {
        try InputError.checkSize(Array(text.utf8), input: "curl -v output")
        var requestLines: [String] = []
        var responseLines: [String] = []
        var body: [String] = []
        var port: Int?
        var tls = false
        var inBody = false
        var notes: [String] = []
        for raw in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
            var line = String(raw)
            if line.hasSuffix("\r") { line.removeLast() }
            if line.hasPrefix("> ") || line == ">" {
                if !responseLines.isEmpty {  // a new request (redirect or reuse): start over
                    requestLines = []
                    responseLines = []
                    body = []
                    inBody = false
                }
                requestLines.append(String(line.dropFirst(2)))
            } else if line.hasPrefix("< ") || line == "<" {
                responseLines.append(String(line.dropFirst(2)))
                inBody = false
            } else if line.hasPrefix("* ") {
                if let r = line.range(of: " port ") {
                    let digits = line[r.upperBound...].prefix { $0.isNumber }
                    port = Int(digits) ?? port
                }
                if line.contains("SSL connection") || line.contains("TLS") || line.contains("ALPN") { tls = true }
            } else if line.hasPrefix("{ [") || line.hasPrefix("} [") {
                continue
            } else if !responseLines.isEmpty {
                inBody = true
                body.append(line)
            } else if !line.isEmpty, !line.hasPrefix("  % Total"), !line.hasPrefix("  ") {
                // Text before the exchange (a prompt, the command itself).
            }
        }
        _ = inBody
        guard !requestLines.isEmpty else { throw InputError("curl -v output", "has no \"> \" request lines") }
        let scheme = tls || port == 443 ? "https" : "http"
        let reqText = requestLines.joined(separator: "\r\n") + "\r\n\r\n"
        var request = try RawHTTPParser.request(Array(reqText.utf8), scheme: scheme)
        request.body = nil
        var exchange = Exchange(request: request, label: "curl -v output")
        if responseLines.isEmpty {
            notes.append("the output has no \"< \" response lines")
        } else {
            var bodyText = body.joined(separator: "\n")
            while bodyText.hasSuffix("\n") { bodyText.removeLast() }
            let respText = responseLines.joined(separator: "\r\n") + "\r\n\r\n"
            var response = try RawHTTPParser.response(Array(respText.utf8))
            response.body = Array(bodyText.utf8)
            exchange.response = response
        }
        if request.upperMethod != "GET" && request.upperMethod != "HEAD" && request.upperMethod != "DELETE" {
            notes.append("curl -v does not show the request body; body-dependent checks were skipped")
        }
        exchange.inputNotes = notes
        return exchange
    }
}
