/// A streaming digest: feed any number of chunks, then `finalize()` once.
public struct Hasher<H: HashAlgorithm>: Sendable {
    @usableFromInline var context: H.Context

    /// A hasher with an empty input.
    @inlinable public init() { context = H.makeContext() }

    /// Feeds raw bytes.
    @inlinable public mutating func update(_ bytes: UnsafeRawBufferPointer) { H.update(&context, bytes) }

    /// Feeds a byte collection.
    @inlinable public mutating func update<Bytes: Sequence<UInt8>>(_ bytes: Bytes) {
        H.update(&context, contentsOf: bytes)
    }

    /// Feeds the UTF-8 bytes of a string.
    @inlinable public mutating func update(_ string: String) { H.update(&context, utf8: string) }

    /// The digest of everything fed so far. The hasher must not be used afterwards.
    @inlinable public mutating func finalize() -> Digest { H.digest(&context) }

    /// One-shot digest of raw bytes.
    @inlinable public static func hash(_ bytes: UnsafeRawBufferPointer) -> Digest {
        var hasher = Hasher()
        hasher.update(bytes)
        return hasher.finalize()
    }

    /// One-shot digest of a byte collection.
    @inlinable public static func hash<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> Digest {
        var hasher = Hasher()
        hasher.update(bytes)
        return hasher.finalize()
    }

    /// One-shot digest of a string's UTF-8 bytes.
    @inlinable public static func hash(_ string: String) -> Digest {
        var hasher = Hasher()
        hasher.update(string)
        return hasher.finalize()
    }
}
