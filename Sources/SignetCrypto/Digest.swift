/// A digest or MAC of up to 32 bytes, stored inline (no heap allocation).
public struct Digest: Sendable, Hashable, CustomStringConvertible {
    @usableFromInline var storage: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
    /// Number of meaningful bytes.
    public let count: Int

    @inlinable init(count: Int, _ fill: (UnsafeMutablePointer<UInt8>) -> Void) {
        precondition(count <= 32)
        self.count = count
        withUnsafeMutableBytes(of: &storage) { fill($0.baseAddress!.assumingMemoryBound(to: UInt8.self)) }
    }

    /// Calls `body` with the digest bytes.
    @inlinable public func withUnsafeBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try Swift.withUnsafeBytes(of: storage) { try body(UnsafeRawBufferPointer(rebasing: $0[0..<count])) }
    }

    /// The digest bytes.
    public var bytes: [UInt8] { withUnsafeBytes { Array($0) } }

    /// Lowercase hexadecimal.
    public var hex: String { withUnsafeBytes { Hex.encode($0) } }

    public var description: String { hex }

    public static func == (lhs: Digest, rhs: Digest) -> Bool {
        lhs.count == rhs.count && lhs.withUnsafeBytes { l in rhs.withUnsafeBytes { r in l.elementsEqual(r) } }
    }

    public func hash(into hasher: inout Swift.Hasher) { withUnsafeBytes { hasher.combine(bytes: $0) } }
}
