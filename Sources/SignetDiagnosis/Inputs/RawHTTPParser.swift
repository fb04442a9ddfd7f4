import Foundation
import SignetHTTP

/// Reads raw HTTP/1.x message text: a request (`GET /key HTTP/1.1`, headers, body) and/or a
/// response (`HTTP/1.1 403 Forbidden`, headers, body). Both may follow each other in one text.
public enum RawHTTPParser {
    /// A parsed message head and body.
    struct Message {
        var startLine: String
        var headers: HTTPHeaders
        var body: [UInt8]
    }

    /// Splits `bytes` into header block and body at the first blank line (CRLF or LF).
    static func split(_ bytes: [UInt8]) -> (head: String, body: [UInt8]) {
        var i = 0
        while i < bytes.count {
            if bytes[i] == 0x0a {
                if i + 1 < bytes.count, bytes[i + 1] == 0x0a {
                    return (String(decoding: bytes[..<i], as: UTF8.self), Array(bytes[(i + 2)...]))
                }
                if i + 2 < bytes.count, bytes[i + 1] == 0x0d, bytes[i + 2] == 0x0a {
                    return (String(decoding: bytes[..<i], as: UTF8.self), Array(bytes[(i + 3)...]))
                }
            }
            i += 1
        }
        return (String(decoding: bytes, as: UTF8.self), [])
    }

    static func message(_ bytes: [UInt8]) -> Message? {
        let (head, body) = split(bytes)
        var lines = head.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }).map {
            String($0).trimmingCharacters("\r")
        }
        while let f = lines.first, f.trimmingSpaces.isEmpty { lines.removeFirst() }
        guard let start = lines.first else { return nil }
        var headers = HTTPHeaders()
        for line in lines.dropFirst() where !line.isEmpty {
            if line.first == " " || line.first == "\t", let last = headers.fields.last {
                headers.set(last.name, last.value + " " + line.trimmingSpaces)  // obsolete line folding
                continue
            }
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers.append(
                String(line[..<colon]).trimmingSpaces, String(line[line.index(after: colon)...]).trimmingSpaces)
        }
        return Message(startLine: start.trimmingSpaces, headers: headers, body: body)
    }

    /// Parses a request. `scheme` is used when the request line has an origin-form target.
    /// - Throws: `InputError` when the first line is not a request line.
    public static func request(_ bytes: [UInt8], scheme: String? = nil) throws -> ExchangeRequest {
        guard let m = message(bytes) else { throw InputError("request", "is empty") }
        let parts = m.startLine.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        guard parts.count >= 2, parts[0].allSatisfy({ $0.isLetter }), parts.count == 2 || parts[2].hasPrefix("HTTP/")
        else {
            throw InputError(
                "request", "the first line \"\(m.startLine.prefix(80))\" is not a request line (METHOD TARGET HTTP/1.1)"
            )
        }
        let target = parts[1]
        var url = target
        if !target.hasPrefix("http://") && !target.hasPrefix("https://") {
            guard let host = m.headers["Host"] else {
                throw InputError(
                    "request", "has an origin-form target (\(target)) and no Host header to build the URL from")
            }
            let s = scheme ?? guessScheme(host: host)
            url = "\(s)://\(host)\(target.hasPrefix("/") ? "" : "/")\(target)"
        }
        return ExchangeRequest(method: parts[0], url: url, headers: m.headers, body: m.body.isEmpty ? nil : m.body)
    }

    /// `http` for loopback hosts and explicit ports other than 443, else `https`.
    static func guessScheme(host: String) -> String {
        let h = host.lowercased()
        if h.hasPrefix("localhost") || h.hasPrefix("127.") || h.hasPrefix("[::1]") { return "http" }
        if let colon = h.lastIndex(of: ":"), !h.hasSuffix("]"), h[h.index(after: colon)...] != "443" { return "http" }
        return "https"
    }

    /// Parses a response; a text that is only a body (no status line) gives a nil status.
    public static func response(_ bytes: [UInt8], status: Int? = nil) throws -> ExchangeResponse {
        let start = bytes.drop { $0 == 0x20 || $0 == 0x0a || $0 == 0x0d || $0 == 0x09 }
        guard start.starts(with: Array("HTTP/".utf8)) else {
            return ExchangeResponse(status: status, headers: HTTPHeaders(), body: bytes)
        }
        guard let m = message(Array(start)) else { throw InputError("response", "is empty") }
        let parts = m.startLine.split(separator: " ", maxSplits: 2).map(String.init)
        guard parts.count >= 2, let code = Int(parts[1]), (100...599).contains(code) else {
            throw InputError("response", "the status line \"\(m.startLine.prefix(80))\" has no valid status code")
        }
        return ExchangeResponse(status: status ?? code, headers: m.headers, body: m.body)
    }

    /// Parses a text holding a request followed by its response (either may be missing).
    public static func exchange(_ bytes: [UInt8], scheme: String? = nil) throws -> Exchange {
        try InputError.checkSize(bytes, input: "HTTP text")
        let text = String(decoding: bytes, as: UTF8.self)
        if text.drop(while: { $0.isWhitespace }).hasPrefix("HTTP/") {
            return Exchange(response: try response(bytes), label: "raw HTTP response")
        }
        // Find the response's status line after the request.
        var responseStart: String.Index?
        var search = text.startIndex
        while let r = text.range(of: "\nHTTP/", range: search..<text.endIndex) {
            let lineEnd = text[r.upperBound...].firstIndex(of: "\n") ?? text.endIndex
            let line = text[r.upperBound..<lineEnd]
            if line.split(separator: " ").count >= 2, Int(line.split(separator: " ")[1]) != nil {
                responseStart = text.index(after: r.lowerBound)
                break
            }
            search = r.upperBound
        }
        if let rs = responseStart {
            let reqBytes = Array(text[..<rs].utf8)
            var req = try request(reqBytes, scheme: scheme)
            if let b = req.body {
                // Trailing blank lines between the two messages are not part of the body.
                var trimmed = b
                while let l = trimmed.last, l == 0x0a || l == 0x0d { trimmed.removeLast() }
                req.body = trimmed.isEmpty ? nil : trimmed
            }
            return Exchange(request: req, response: try response(Array(text[rs...].utf8)), label: "raw HTTP exchange")
        }
        return Exchange(request: try request(bytes, scheme: scheme), label: "raw HTTP request")
    }
}

extension String {
    /// The string without the given trailing character(s).
    func trimmingCharacters(_ c: Character) -> String {
        var s = self
        while s.last == c { s.removeLast() }
        return s
    }
}
