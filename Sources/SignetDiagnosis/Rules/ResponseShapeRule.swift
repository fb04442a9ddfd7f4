import SignetHTTP

/// What the body itself says: an HTML page from a proxy, an unreadable error document, or no body
/// at all (HEAD), where the status is all there is.
enum ResponseShapeRule {
    static func findings(_ s: Situation) -> [Finding] {
        guard let response = s.response else { return [] }
        switch s.body {
        case .html(let title):
            var ev = [Evidence("body", "an HTML page\(title.map { " titled \"\($0)\"" } ?? "")")]
            if let server = response.headers["Server"] { ev.append(Evidence("Server header", server)) }
            if let status = response.status { ev.append(Evidence("HTTP status", "\(status)")) }
            return [Finding("response.html-error-page", confidence: .high, evidence: ev)]
        case .unreadableXML(let recovered, let problem):
            var ev = [Evidence("XML problem", problem.description)]
            if let code = recovered?.code { ev.append(Evidence("Code recovered", code)) }
            return [Finding("response.unreadable-body", confidence: .high, evidence: ev)]
        case .empty:
            guard let status = response.status, status >= 300 else { return [] }
            return statusOnly(status, s)
        case .other(let preview):
            guard let status = response.status, status >= 300 else { return [] }
            return [
                Finding(
                    "response.unreadable-body", confidence: .medium,
                    evidence: [Evidence("body starts", preview), Evidence("HTTP status", "\(status)")])
            ]
                + statusOnly(status, s)
        default:
            return []
        }
    }

    /// Inferred findings for a body-less error, by status.
    static func statusOnly(_ status: Int, _ s: Situation) -> [Finding] {
        var ev = [
            Evidence("HTTP status", "\(status)"),
            Evidence("body", "none (\(s.method.isEmpty ? "not saved" : s.method))"),
        ]
        for name in ["x-cos-request-id", "x-amz-request-id", "x-cos-error-code", "x-amz-error-code"] {
            if let v = s.response?.headers[name] { ev.append(Evidence(name, v)) }
        }
        var out = [Finding("response.status-only", confidence: .high, evidence: ev)]
        let isBucket = (s.url?.rawPath ?? "/") == "/"
        switch status {
        case 404:
            out.append(
                Finding(
                    isBucket ? "no-such-bucket.bucket-name" : "no-such-key.object", confidence: .medium, evidence: ev))
        case 403:
            // Expired presigned URLs are the most common body-less 403 that can be checked offline.
            if let request = s.request, let url = s.url, let server = s.serverTime,
                let w = SignedWindowProbe.window(request, url), Double(w.end) < server.time
            {
                out.append(
                    Finding(
                        "request-expired.signature-window", confidence: .medium,
                        evidence: ev + [
                            Evidence("signature window ends", UTCTime.iso8601(w.end)),
                            Evidence(server.source, server.text),
                        ]))
            } else if s.auth?.scheme == Optional(RequestAuth.Scheme.none) {
                out.append(Finding("access-denied.anonymous", confidence: .medium, evidence: ev))
            } else {
                out.append(Finding("access-denied.permission", confidence: .low, evidence: ev))
            }
        default:
            break
        }
        return out
    }
}
