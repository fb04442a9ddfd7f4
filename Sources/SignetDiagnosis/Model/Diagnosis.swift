/// The diagnosis of one exchange: a summary of what happened and the findings, most likely first.
public struct Diagnosis: Sendable {
    /// Where the exchange came from, if labelled.
    public var label: String?
    /// A one-line summary: method, URL, status and error code.
    public var summary: String
    /// The server's error code, if any.
    public var code: String?
    /// The HTTP status, if known.
    public var status: Int?
    /// Request ids and other response facts worth quoting to support.
    public var facts: [Evidence]
    /// Findings, most likely first.
    public var findings: [Finding]
    /// True when part of the input could not be read, so the findings may be incomplete.
    public var partial: Bool
    /// What could not be read, and why.
    public var notes: [String]

    /// Creates a diagnosis.
    public init(
        label: String?, summary: String, code: String?, status: Int?, facts: [Evidence], findings: [Finding],
        partial: Bool, notes: [String]
    ) {
        self.label = label
        self.summary = summary
        self.code = code
        self.status = status
        self.facts = facts
        self.findings = findings
        self.partial = partial
        self.notes = notes
    }

    /// The finding ids, in order.
    public var ids: [String] { findings.map(\.id) }
}
