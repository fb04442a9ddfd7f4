import SignetHTTP

/// Reads a curl command line as people paste it (browser "Copy as cURL", docs, scripts) into the
/// request it sends.
public enum CurlCommandParser {
    static let withArgument: Set<String> = [
        "-X", "--request", "-H", "--header", "-d", "--data", "--data-raw", "--data-binary", "--data-ascii",
        "--data-urlencode", "--url", "-T", "--upload-file", "-A", "--user-agent", "-e", "--referer", "-b", "--cookie",
        "-o", "--output", "-w", "--write-out", "-u", "--user", "--connect-timeout", "-m", "--max-time", "--resolve",
        "-x", "--proxy", "--retry", "-r", "--range", "--cacert", "--cert", "--key", "-K", "--config", "--limit-rate",
        "-c", "--cookie-jar", "-F", "--form", "--aws-sigv4", "--json", "-D", "--dump-header", "--interface",
        "--max-redirs", "--trace", "--trace-ascii", "--stderr", "-E", "--retry-delay", "--connect-to", "--unix-socket",
        "--proto", "--expect100-timeout",
    ]
    /// Short options that take an argument (for `-XPUT`, `-H'…'`).
    static let shortWithArgument: Set<Character> = [
        "X", "H", "d", "T", "A", "e", "b", "o", "w", "u", "m", "x", "r", "K", "c", "F", "D", "E",
    ]

    /// Parses a curl command.
    /// - Throws: `InputError` when the text is not a curl command or names no URL.
    public static func parse(_ text: String) throws -> Exchange {
        try InputError.checkSize(Array(text.utf8), input: "curl command")
        var words = try ShellWords.split(text)
        // Skip a prompt or env assignments before `curl`.
        guard let at = words.firstIndex(where: { $0 == "curl" || $0.hasSuffix("/curl") || $0 == "curl.exe" }) else {
            throw InputError("curl command", "does not contain a curl command (no word \"curl\")")
        }
        words = Array(words[(at + 1)...])
        var method: String?
        var url: String?
        var headers = HTTPHeaders()
        var data: [String] = []
        var head = false
        var get = false
        var upload: String?
        var notes: [String] = []
        var i = 0
        func take(_ name: String) throws -> String {
            guard i + 1 < words.count else { throw InputError("curl command", "option \(name) needs a value") }
            i += 1
            return words[i]
        }
        func apply(_ option: String, _ value: String) throws {
            switch option {
            case "-X", "--request": method = value
            case "-H", "--header":
                guard let colon = value.firstIndex(of: ":") else {
                    if value.hasPrefix("@") {
                        notes.append("headers read from file \(value.dropFirst()) were not read")
                    }
                    return
                }
                let name = String(value[..<colon]).trimmingSpaces
                let v = String(value[value.index(after: colon)...]).trimmingSpaces
                if v.isEmpty, value.hasSuffix(":") { return }  // `-H 'X:'` removes a header in curl
                headers.append(name, v)
            case "-d", "--data", "--data-ascii", "--data-binary", "--data-raw", "--json":
                if value.hasPrefix("@"), option != "--data-raw" {
                    notes.append("the body was read by curl from \(value.dropFirst()); Signet does not have it")
                    data.append("")
                } else {
                    data.append(
                        option == "-d" || option == "--data" || option == "--data-ascii"
                            ? value.filter { $0 != "\n" && $0 != "\r" } : value)
                }
                if option == "--json" {
                    if !headers.contains("Content-Type") { headers.append("Content-Type", "application/json") }
                }
            case "--data-urlencode":
                if let eq = value.firstIndex(of: "=") {
                    data.append(
                        String(value[..<eq]) + "=" + PercentEncoding.encode(String(value[value.index(after: eq)...])))
                } else {
                    data.append(PercentEncoding.encode(value))
                }
            case "--url": url = value
            case "-T", "--upload-file": upload = value
            case "-A", "--user-agent": headers.append("User-Agent", value)
            case "-e", "--referer": headers.append("Referer", value)
            case "-b", "--cookie": if value.contains("=") { headers.append("Cookie", value) }
            case "-r", "--range": headers.append("Range", "bytes=\(value)")
            case "-F", "--form": notes.append("multipart form fields (-F) are not reconstructed")
            case "--aws-sigv4":
                notes.append("curl signs this request itself (--aws-sigv4); the signature is not in the command")
            case "-u", "--user": notes.append("basic authentication (-u) is not used by COS or S3 signatures")
            default: break
            }
        }
        while i < words.count {
            var w = words[i]
            var inline: String?
            if w.hasPrefix("--"), let eq = w.firstIndex(of: "="), withArgument.contains(String(w[..<eq])) {
                inline = String(w[w.index(after: eq)...])
                w = String(w[..<eq])
            } else if w.hasPrefix("-"), !w.hasPrefix("--"), w.count > 2 {
                // Combined short options: -sSv, -XPUT, -sI
                let letters = Array(w.dropFirst())
                var j = 0
                while j < letters.count {
                    let l = letters[j]
                    if shortWithArgument.contains(l) {
                        let rest = String(letters[(j + 1)...])
                        let value = rest.isEmpty ? try take("-\(l)") : rest
                        try apply("-\(l)", value)
                        break
                    }
                    if l == "I" { head = true }
                    if l == "G" { get = true }
                    j += 1
                }
                i += 1
                continue
            }
            if withArgument.contains(w) {
                let value = try inline ?? take(w)
                try apply(w, value)
            } else if w == "-I" || w == "--head" {
                head = true
            } else if w == "-G" || w == "--get" {
                get = true
            } else if w.hasPrefix("-") && w.count > 1 {
                // A flag without argument (-s, -v, -k, -L, --compressed, …).
            } else if url == nil {
                url = w
            } else {
                notes.append("extra argument \"\(w.prefix(60))\" ignored (only the first URL is diagnosed)")
            }
            i += 1
        }
        guard var target = url else { throw InputError("curl command", "names no URL") }
        if !target.contains("://") { target = "http://" + target }
        var body: [UInt8]?
        if !data.isEmpty {
            let joined = data.joined(separator: "&")
            if get {
                target += (target.contains("?") ? "&" : "?") + joined
            } else {
                body = Array(joined.utf8)
                if !headers.contains("Content-Type") && !data.allSatisfy(\.isEmpty) {
                    headers.append("Content-Type", "application/x-www-form-urlencoded")
                }
            }
        }
        if let upload {
            notes.append("the body was uploaded by curl from \(upload); Signet does not have it")
            if target.hasSuffix("/"), let name = upload.split(separator: "/").last { target += name }
        }
        let m = method ?? (head ? "HEAD" : upload != nil ? "PUT" : (body != nil ? "POST" : "GET"))
        return Exchange(
            request: ExchangeRequest(method: m, url: target, headers: headers, body: body), label: "curl command",
            inputNotes: notes)
    }
}
