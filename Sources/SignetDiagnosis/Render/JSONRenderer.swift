/// Renders a diagnosis as plain JSON-compatible values (`[String: Any]` of strings, numbers,
/// booleans and arrays) for `--json`.
public enum JSONRenderer {
    /// The diagnosis as a dictionary.
    public static func object(_ d: Diagnosis) -> [String: Any] {
        var o: [String: Any] = [
            "summary": d.summary,
            "partial": d.partial,
            "notes": d.notes,
            "facts": d.facts.map { ["label": $0.label, "value": $0.value] },
            "findings": d.findings.map(finding),
        ]
        if let label = d.label { o["label"] = label }
        if let code = d.code { o["code"] = code }
        if let status = d.status { o["status"] = status }
        return o
    }

    /// One finding as a dictionary.
    public static func finding(_ f: Finding) -> [String: Any] {
        var o: [String: Any] = [
            "id": f.id,
            "cause": f.cause,
            "confidence": f.confidence.score,
            "confidenceLabel": f.confidence.rawValue,
            "evidence": f.evidence.map { ["label": $0.label, "value": $0.value] },
            "fix": f.fix,
        ]
        if let faq = f.faq { o["faq"] = ["id": faq.rawValue, "question": faq.topic] }
        if !f.runnable.isEmpty { o["runnable"] = f.runnable.map { ["title": $0.title, "commands": $0.commands] } }
        return o
    }
}
