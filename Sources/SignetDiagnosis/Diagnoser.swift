import SignetHTTP

/// Turns an exchange into a diagnosis: parses the response, runs every rule, adds runnable fixes
/// when credentials allow, redacts tokens, and orders findings most likely first.
public enum Diagnoser {
    /// Diagnoses one exchange.
    public static func diagnose(_ exchange: Exchange, context: DiagnosisContext = DiagnosisContext()) -> Diagnosis {
        let s = Situation(exchange, context: context)
        var findings: [Finding] = []
        findings += ResponseShapeRule.findings(s)
        findings += ExpiryRule.findings(s)
        findings += SkewRule.findings(s)
        findings += SignatureMismatchRule.findings(s)
        findings += UploadRule.findings(s)
        findings += KeyRule.findings(s)
        findings += BatchDeleteRule.findings(s)
        findings += AccessRule.findings(s)
        if !s.isCode("SignatureDoesNotMatch") { findings += HostRule.findings(s) }
        if let f = CatalogueRule.finding(s, existing: findings) { findings.append(f) }
        findings = SignatureMismatchRule.merge(findings)
        // Most likely first; stable among equals (rule order encodes priority).
        findings = findings.enumerated().sorted { a, b in
            isMeta(a.element.id) != isMeta(b.element.id)
                ? !isMeta(a.element.id)
                : a.element.confidence != b.element.confidence
                    ? a.element.confidence > b.element.confidence
                    : rank(a.element.id) != rank(b.element.id)
                        ? rank(a.element.id) < rank(b.element.id) : a.offset < b.offset
        }.map(\.element)
        findings = FixPlanner.attach(findings, s)
        let redactor = Redactor(s)
        findings = findings.map(redactor.apply)

        var notes = exchange.inputNotes
        var partial = !notes.isEmpty
        if case .unreadableXML(_, let problem) = s.body {
            partial = true
            notes.append("the response body could not be read fully (\(problem)); findings use what was recovered")
        }
        if exchange.request == nil {
            partial = true
            notes.append("no request given: rules that compare the request with the response were skipped")
        } else if s.url == nil, let r = exchange.request {
            partial = true
            var reason = ""
            do { _ = try RequestURL(r.url) } catch { reason = " (\(error))" }
            notes.append("the request URL could not be parsed\(reason)")
        }
        if exchange.response == nil {
            partial = true
            notes.append("no response given")
        }
        if findings.isEmpty {
            if let status = s.status, status < 300, s.error == nil {
                notes.append("the response is a success (HTTP \(status)); no problem found")
            } else {
                notes.append("no rule matched; nothing specific can be said from this input")
            }
        }
        return Diagnosis(
            label: exchange.label, summary: summary(s), code: s.code, status: s.status,
            facts: facts(s).map { Evidence($0.label, redactor.apply($0.value)) }, findings: findings, partial: partial,
            notes: notes.map(redactor.apply))
    }

    /// Findings about the input itself (no body, unreadable body) come after the causes.
    static func isMeta(_ id: String) -> Bool { id == "response.status-only" || id == "response.unreadable-body" }

    /// Rule priority among findings of equal confidence: specific causes before generic ones.
    static func rank(_ id: String) -> Int {
        if id.hasPrefix("response.") { return 9 }
        if id.hasSuffix(".unexplained") || id.hasSuffix(".reported") || id == "error.unknown-code" { return 8 }
        if id.hasPrefix("host-mismatch.") { return 5 }
        return 1
    }

    static func summary(_ s: Situation) -> String {
        var parts: [String] = []
        if let r = s.request { parts.append("\(r.upperMethod) \(shortURL(r.url))") }
        if let status = s.status { parts.append("→ HTTP \(status)") }
        if let code = s.code { parts.append(code) }
        if let m = s.error?.message { parts.append("\"\(m)\"") }
        return parts.isEmpty ? "(nothing to summarise)" : parts.joined(separator: " ")
    }

    /// The URL without its query (signatures and tokens stay out of the summary).
    static func shortURL(_ url: String) -> String {
        guard let q = url.firstIndex(of: "?") else { return url }
        return String(url[..<q]) + "?…"
    }

    static func facts(_ s: Situation) -> [Evidence] {
        var out: [Evidence] = []
        if let h = s.response?.headers {
            for name in ["x-cos-request-id", "x-cos-trace-id", "x-amz-request-id", "x-amz-id-2", "Date", "Server"] {
                if let v = h[name] { out.append(Evidence(name, v)) }
            }
        }
        if let e = s.error {
            if let v = e.requestId, !out.contains(where: { $0.value == v }) { out.append(Evidence("RequestId", v)) }
            if let v = e.traceId { out.append(Evidence("TraceId", v)) }
            if let v = e.hostId { out.append(Evidence("HostId", v)) }
            if let v = e.resource { out.append(Evidence("Resource", v)) }
        }
        return out
    }
}
