/// Why an XML body could not be read, with the byte offset where reading stopped.
public struct XMLParseError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The kind of problem.
    public enum Kind: String, Sendable {
        /// The body ends inside an element, tag or reference.
        case truncated
        /// Not well-formed XML (a stray character, mismatched tags, text outside the root).
        case malformed
        /// A `<!DOCTYPE …>` (or another markup declaration): refused, never expanded.
        case doctypeRefused
        /// An entity other than the five predefined ones and numeric references.
        case unknownEntity
        /// Larger than the size cap.
        case tooLarge
        /// Nested deeper than the depth cap.
        case tooDeep
        /// More elements than the element cap.
        case tooManyElements
        /// Empty or only whitespace.
        case empty
    }

    /// What went wrong.
    public let kind: Kind
    /// Byte offset into the input.
    public let offset: Int
    /// A sentence for people.
    public let detail: String

    /// Creates an error.
    public init(_ kind: Kind, at offset: Int, _ detail: String) {
        self.kind = kind
        self.offset = offset
        self.detail = detail
    }

    public var description: String { "XML \(kind.rawValue) at byte \(offset): \(detail)" }
}
