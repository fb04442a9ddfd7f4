/// A secret-derived value (a signing key) that prints as `<redacted>` unless revealed on purpose.
public struct Redacted: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible {
    private let value: String
    public init(_ value: String) { self.value = value }
    /// The value itself. Call this only when the user asked to see secrets.
    public func reveal() -> String { value }
    public var description: String { "<redacted>" }
    public var debugDescription: String { "<redacted>" }
}
