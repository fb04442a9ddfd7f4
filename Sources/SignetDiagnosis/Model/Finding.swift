/// One cause of a failure: a stable id, the cause in a sentence, the evidence, and the fix.
public struct Finding: Sendable, Equatable {
    /// Stable `area.cause` id, e.g. `request-expired.local-clock`.
    public var id: String
    /// The cause in one sentence.
    public var cause: String
    /// How sure the diagnosis is.
    public var confidence: Confidence
    /// The facts it rests on.
    public var evidence: [Evidence]
    /// What to do, in order.
    public var fix: [String]
    /// The FAQ question this relates to, if any.
    public var faq: FAQQuestion?
    /// Commands that carry out the fix (only with credentials).
    public var runnable: [RunnableFix]

    /// Creates a finding; cause, fix and FAQ default to the catalogue's text for `id`.
    public init(
        _ id: String, confidence: Confidence, evidence: [Evidence] = [], cause: String? = nil, fix: [String]? = nil,
        faq: FAQQuestion? = nil, runnable: [RunnableFix] = []
    ) {
        let entry = FindingCatalogue.entry(id)
        self.id = id
        self.cause = cause ?? entry?.cause ?? id
        self.confidence = confidence
        self.evidence = evidence
        self.fix = fix ?? entry?.fix ?? []
        self.faq = faq ?? entry?.faq
        self.runnable = runnable
    }
}
