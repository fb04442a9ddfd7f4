/// Caps applied while parsing untrusted XML.
public struct XMLLimits: Sendable, Equatable {
    /// Largest accepted input in bytes.
    public var maxBytes: Int
    /// Deepest accepted element nesting.
    public var maxDepth: Int
    /// Most elements accepted in one document.
    public var maxElements: Int

    /// Creates limits.
    public init(maxBytes: Int = 1 << 20, maxDepth: Int = 32, maxElements: Int = 100_000) {
        self.maxBytes = maxBytes
        self.maxDepth = maxDepth
        self.maxElements = maxElements
    }

    /// 1 MiB, depth 32, 100,000 elements: far above any storage error body or DeleteResult.
    public static let standard = XMLLimits()
}
