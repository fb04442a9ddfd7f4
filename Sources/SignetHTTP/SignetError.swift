/// A clear, specific error about input Signet refuses: what was wrong, where, and what is allowed.
///
/// Messages never contain secrets; they name the field instead.
public struct SignetError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Where the problem is: a field, argument or header name (`"url"`, `"keyTime"`, `"header \"Range\""`).
    public let field: String
    /// What is wrong with it.
    public let problem: String
    /// What would be accepted, when that can be said briefly.
    public let allowed: String?

    /// Creates an error.
    public init(_ field: String, _ problem: String, allowed: String? = nil) {
        self.field = field
        self.problem = problem
        self.allowed = allowed
    }

    public var description: String {
        var text = "\(field): \(problem)"
        if let allowed { text += " (allowed: \(allowed))" }
        return text
    }
}
