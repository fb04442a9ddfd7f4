import Foundation
import SignetHTTP

/// `NoSuchKey` / `NoSuchCopySource`: a missing copy source (only on PUT Object - Copy) or a missing object.
enum KeyRule {
    static func copySource(_ r: ExchangeRequest) -> String? {
        r.headers["x-cos-copy-source"] ?? r.headers["x-amz-copy-source"]
    }

    static func findings(_ s: Situation) -> [Finding] {
        guard
            s.isCode("NoSuchKey") || s.isCode("NoSuchCopySource")
                || (s.status == 404 && s.error == nil && s.method == "PUT")
        else { return [] }
        if let request = s.request, request.upperMethod == "PUT", let source = copySource(request) {
            return [copyFinding(source: source, request: request, s)]
        }
        if s.isCode("NoSuchCopySource") {
            return [
                Finding(
                    "no-such-key.copy-source", confidence: .medium,
                    evidence: [Evidence("request", "no copy-source header given")])
            ]
        }
        guard s.isCode("NoSuchKey") else { return [] }
        var out: [Finding] = []
        var evidence: [Evidence] = []
        if let key = s.error?.key { evidence.append(Evidence("Key in the error", key)) }
        if let key = s.pathKey { evidence.append(Evidence("key from the URL path", key)) }
        if let raw = s.url?.rawPath, raw.hasPrefix("//") {
            out.append(
                Finding("no-such-key.leading-slash-key", confidence: .high, evidence: [Evidence("request path", raw)]))
        }
        out.append(Finding("no-such-key.object", confidence: .high, evidence: evidence))
        return out
    }

    static func copyFinding(source: String, request: ExchangeRequest, _ s: Situation) -> Finding {
        var evidence = [
            Evidence(request.headers["x-cos-copy-source"] != nil ? "x-cos-copy-source" : "x-amz-copy-source", source)
        ]
        var hints: [String] = []
        // Split into the bucket part and the key.
        var text = source
        if let q = text.firstIndex(of: "?") { text = String(text[..<q]) }
        let decoded = (try? PercentEncoding.decodeToString(text)) ?? text
        var key = decoded
        var host: String?
        if decoded.hasPrefix("/") {
            // S3 form /bucket/key
            let parts = decoded.dropFirst().split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
            key = parts.count == 2 ? String(parts[1]) : ""
        } else if let slash = decoded.firstIndex(of: "/") {
            host = String(decoded[..<slash])
            key = String(decoded[decoded.index(after: slash)...])
        }
        evidence.append(Evidence("source key", key))
        if let host { evidence.append(Evidence("source bucket", host)) }
        let dest = s.pathKey ?? ""
        if key.hasPrefix("/") {
            hints.append(
                "the source key starts with `/`: keys never do, so `/\(key.drop { $0 == "/" })` names another, missing object"
            )
        }
        if !key.hasSuffix("/") {
            let last = key.split(separator: "/").last.map(String.init) ?? key
            if dest.hasSuffix("/") {
                hints.append(
                    "the destination `\(dest)` is a folder key but the source `\(key)` lacks the trailing `/`: copy `\(key)/`"
                )
            } else if !last.contains(".") {
                hints.append(
                    "`\(key)` has no extension; if it is a folder, its key is `\(key)/` (with the trailing slash)")
            }
        }
        if text.range(of: "%25[0-9A-Fa-f]{2}", options: .regularExpression) != nil {
            hints.append("the source is percent-encoded twice (`%25XX`): encode the key once")
        }
        if text.contains(" ") || text.unicodeScalars.contains(where: { $0.value > 0x7f }) {
            hints.append("the source has raw spaces or non-ASCII characters: percent-encode the key once (keep `/`)")
        }
        if text.contains("+") {
            hints.append("the source contains `+`, which may be read as a space: send a plus as `%2B`")
        }
        for h in hints { evidence.append(Evidence("check", h)) }
        return Finding("no-such-key.copy-source", confidence: .high, evidence: evidence)
    }
}
