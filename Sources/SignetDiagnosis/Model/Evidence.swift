/// One fact a finding rests on: what it is and the exact value seen (a header, a time, a key).
public struct Evidence: Sendable, Equatable {
    /// What the value is, e.g. `response Date header` or `x-cos-copy-source`.
    public var label: String
    /// The value exactly as seen (tokens redacted).
    public var value: String

    /// Creates evidence.
    public init(_ label: String, _ value: String) {
        self.label = label
        self.value = value
    }
}
