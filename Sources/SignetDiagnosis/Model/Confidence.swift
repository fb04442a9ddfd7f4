/// How sure a finding is, from the evidence available.
public enum Confidence: String, Sendable, Comparable, CaseIterable {
    /// A guess worth checking: the evidence fits, but so would other causes.
    case low
    /// Likely: the evidence points here, without proof.
    case medium
    /// The evidence shows it (an echo that differs, a measured offset, a re-signed comparison).
    case high

    /// A number for JSON: 0.3, 0.6, 0.9.
    public var score: Double {
        switch self {
        case .low: 0.3
        case .medium: 0.6
        case .high: 0.9
        }
    }

    public static func < (lhs: Confidence, rhs: Confidence) -> Bool { lhs.score < rhs.score }
}
