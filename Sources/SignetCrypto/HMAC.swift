/// A pre-keyed HMAC: the inner and outer pad states are computed once, then copied by value
/// for every message, so a cached key costs no re-keying.
///
/// The key material is not kept, only the two hash states derived from it. `description`
/// never prints them.
public struct HMACKey<H: HashAlgorithm>: Sendable, CustomStringConvertible {
    @usableFromInline let inner: H.Context
    @usableFromInline let outer: H.Context

    /// Derives the pad states from raw key bytes.
    public init(key: UnsafeRawBufferPointer) {
        var block = [UInt8](repeating: 0, count: H.blockByteCount)
        if key.count > H.blockByteCount {
            let digest = Hasher<H>.hash(key)
            digest.withUnsafeBytes { d in for i in 0..<d.count { block[i] = d[i] } }
        } else {
            for i in 0..<key.count { block[i] = key[i] }
        }
        var ipad = block
        var opad = block
        for i in 0..<block.count {
            ipad[i] ^= 0x36
            opad[i] ^= 0x5c
        }
        var innerContext = H.makeContext()
        ipad.withUnsafeBytes { H.update(&innerContext, $0) }
        var outerContext = H.makeContext()
        opad.withUnsafeBytes { H.update(&outerContext, $0) }
        inner = innerContext
        outer = outerContext
        // Best effort: do not leave key-derived pads in freed memory.
        for i in 0..<block.count {
            block[i] = 0
            ipad[i] = 0
            opad[i] = 0
        }
    }

    /// Derives the pad states from a byte collection.
    public init<Bytes: Sequence<UInt8>>(key: Bytes) {
        let array = Array(key)
        self = array.withUnsafeBytes { HMACKey(key: $0) }
    }

    /// Derives the pad states from a string's UTF-8 bytes.
    public init(key: String) {
        var key = key
        self = key.withUTF8 { HMACKey(key: UnsafeRawBufferPointer($0)) }
    }

    /// Derives the pad states from a digest (for chained keys such as SigV4's).
    public init(key: Digest) {
        self = key.withUnsafeBytes { HMACKey(key: $0) }
    }

    /// The MAC of `message`.
    @inlinable public func authenticate(_ message: UnsafeRawBufferPointer) -> Digest {
        var mac = start()
        mac.update(message)
        return mac.finalize()
    }

    /// The MAC of a string's UTF-8 bytes.
    @inlinable public func authenticate(_ message: String) -> Digest {
        var message = message
        return message.withUTF8 { authenticate(UnsafeRawBufferPointer($0)) }
    }

    /// The MAC of a byte collection.
    @inlinable public func authenticate<Bytes: Sequence<UInt8>>(_ message: Bytes) -> Digest {
        var mac = start()
        mac.update(message)
        return mac.finalize()
    }

    /// A streaming MAC computation keyed with this key.
    @inlinable public func start() -> HMAC<H> { HMAC(inner: inner, outer: outer) }

    public var description: String { "HMACKey<\(H.self)>(redacted)" }
}

/// A streaming HMAC computation, started from an `HMACKey`.
public struct HMAC<H: HashAlgorithm>: Sendable {
    @usableFromInline var inner: H.Context
    @usableFromInline let outer: H.Context

    @inlinable init(inner: H.Context, outer: H.Context) {
        self.inner = inner
        self.outer = outer
    }

    /// A computation keyed with raw key bytes.
    public init<Bytes: Sequence<UInt8>>(key: Bytes) {
        let k = HMACKey<H>(key: key)
        self.init(inner: k.inner, outer: k.outer)
    }

    /// Feeds raw bytes.
    @inlinable public mutating func update(_ bytes: UnsafeRawBufferPointer) { H.update(&inner, bytes) }

    /// Feeds a byte collection.
    @inlinable public mutating func update<Bytes: Sequence<UInt8>>(_ bytes: Bytes) {
        H.update(&inner, contentsOf: bytes)
    }

    /// Feeds a string's UTF-8 bytes.
    @inlinable public mutating func update(_ string: String) { H.update(&inner, utf8: string) }

    /// The MAC of everything fed so far.
    @inlinable public mutating func finalize() -> Digest {
        let innerDigest = H.digest(&inner)
        var outerContext = outer
        innerDigest.withUnsafeBytes { H.update(&outerContext, $0) }
        return H.digest(&outerContext)
    }
}

extension HMACKey {
    /// One-shot MAC with a key given as bytes: convenient, but re-keys every call.
    public static func authenticate<K: Sequence<UInt8>, M: Sequence<UInt8>>(_ message: M, key: K) -> Digest {
        HMACKey(key: key).authenticate(message)
    }
}
