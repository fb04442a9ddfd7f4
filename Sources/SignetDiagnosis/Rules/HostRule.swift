/// Host mismatch: a Host header that differs from the URL's host, or a COS signature sent to a
/// domain that is not COS's own (CDN, accelerate or custom domain).
enum HostRule {
    static func findings(_ s: Situation) -> [Finding] {
        guard let request = s.request, let url = s.url, let auth = s.auth, auth.scheme != .none else { return [] }
        guard
            s.isCode("SignatureDoesNotMatch") || s.isCode("InvalidAccessKeyId") || s.isCode("AccessDenied")
                || s.isCode("InvalidSecurity")
        else { return [] }
        var out: [Finding] = []
        if let host = request.headers["Host"]?.trimmingWhitespace.lowercased(), host != url.authority.lowercased(),
            host != url.host.lowercased()
        {
            out.append(
                Finding(
                    "host-mismatch.signed-host", confidence: auth.signedHeaders.contains("host") ? .high : .medium,
                    evidence: [Evidence("Host header", host), Evidence("host in the URL", url.authority)]))
        }
        if auth.scheme == .cos, !s.isCOSHost, !isLoopback(url.host) {
            out.append(
                Finding(
                    "host-mismatch.custom-domain", confidence: s.isCode("AccessDenied") ? .low : .medium,
                    evidence: [
                        Evidence("request host", url.authority),
                        Evidence("signed headers", auth.signedHeaders.joined(separator: ";")),
                    ]))
        }
        return out
    }

    static func isLoopback(_ host: String) -> Bool {
        host == "localhost" || host.hasPrefix("127.") || host == "[::1]"
    }
}
