/// Renders a diagnosis for people: summary, then each finding with its cause, evidence, fix,
/// FAQ question and runnable commands, most likely first.
public enum HumanRenderer {
    /// The text, ending with a newline.
    public static func render(_ d: Diagnosis) -> String {
        var out = ""
        if let label = d.label { out += "== \(label) ==\n" }
        out += "\(d.summary)\n"
        if d.partial { out += "PARTIAL DIAGNOSIS: part of the input could not be used.\n" }
        for n in d.notes { out += "  note: \(n)\n" }
        if !d.facts.isEmpty {
            out += "  " + d.facts.map { "\($0.label): \($0.value)" }.joined(separator: " | ") + "\n"
        }
        for (i, f) in d.findings.enumerated() {
            out += "\n\(i + 1). [\(f.id)] (\(f.confidence.rawValue) confidence)\n"
            out += "   Cause: \(f.cause)\n"
            if !f.evidence.isEmpty {
                out += "   Evidence:\n"
                for e in f.evidence { out += "     - \(e.label): \(e.value)\n" }
            }
            if !f.fix.isEmpty {
                out += "   Fix:\n"
                for x in f.fix { out += "     - \(x)\n" }
            }
            if let faq = f.faq { out += "   FAQ: \(faq.reference)\n" }
            for r in f.runnable {
                out += "   Run (\(r.title)):\n"
                for c in r.commands { out += "     \(c)\n" }
            }
        }
        return out
    }
}
