/// The fallback: a finding for any catalogued error code no rule explained, and for unknown codes.
enum CatalogueRule {
    static func finding(_ s: Situation, existing: [Finding]) -> Finding? {
        guard let error = s.error else { return nil }
        var ev = [Evidence("server said", "\(error.code)\(error.message.map { " \"\($0)\"" } ?? "")")]
        if let r = error.resource { ev.append(Evidence("Resource", r)) }
        guard let entry = ErrorCatalogue.entry(code: error.code) else {
            return Finding(
                "error.unknown-code", confidence: .low, evidence: ev,
                cause:
                    "The server answered \(error.code), a code Signet's catalogue does not know\(error.message.map { ": \($0)" } ?? ".")",
                fix: ["Read the message; search the service's error code documentation for \(error.code)."])
        }
        if existing.contains(where: { $0.id == entry.findingId }) { return nil }
        // A rule already explained this code (e.g. an AccessDenied variant): add nothing generic.
        if !existing.isEmpty, !entry.findingId.hasSuffix(".reported") { return nil }
        if !existing.isEmpty, existing.contains(where: { $0.confidence >= .medium && !$0.id.hasPrefix("response.") }) {
            return nil
        }
        if let status = s.status, !entry.statuses.contains(status) {
            ev.append(
                Evidence(
                    "note",
                    "documented with HTTP \(entry.statuses.map(String.init).joined(separator: "/")), seen with \(status)"
                ))
        }
        return Finding(
            entry.findingId, confidence: entry.findingId.hasSuffix(".reported") ? .high : .medium, evidence: ev,
            cause:
                "\(error.code): \(entry.meaning)\(entry.causes.count > 1 || entry.causes.first != entry.meaning ? " Likely: " + entry.causes.joined(separator: " ") : "")",
            fix: entry.fixes, faq: entry.faq)
    }
}
