import COpenSSL

/// A Merkle–Damgård digest from OpenSSL's low-level API, used through `Hasher` and `HMACKey`.
///
/// The context is a plain C struct, so copying it by value snapshots the hash state. That is
/// what makes a pre-keyed HMAC cost nothing to re-key.
public protocol HashAlgorithm: Sendable {
    /// The OpenSSL context struct.
    associatedtype Context: Sendable
    /// Digest size in bytes.
    static var digestByteCount: Int { get }
    /// Compression block size in bytes (the HMAC pad length).
    static var blockByteCount: Int { get }
    /// A freshly initialised context.
    static func makeContext() -> Context
    /// Feeds bytes into the context.
    static func update(_ context: inout Context, _ bytes: UnsafeRawBufferPointer)
    /// Writes the digest to `output`, which has room for `digestByteCount` bytes.
    static func finalize(_ context: inout Context, into output: UnsafeMutablePointer<UInt8>)
}

extension HashAlgorithm {
    /// Feeds a byte collection: in place when its storage is contiguous, else through a copy.
    @inlinable static func update<Bytes: Sequence<UInt8>>(_ context: inout Context, contentsOf bytes: Bytes) {
        let done: Void? = bytes.withContiguousStorageIfAvailable { update(&context, UnsafeRawBufferPointer($0)) }
        if done == nil { Array(bytes).withUnsafeBytes { update(&context, $0) } }
    }

    /// Feeds a string's UTF-8 bytes.
    @inlinable static func update(_ context: inout Context, utf8 string: String) {
        var string = string
        string.withUTF8 { update(&context, UnsafeRawBufferPointer($0)) }
    }

    /// Finalises `context` into a digest.
    @inlinable static func digest(_ context: inout Context) -> Digest {
        Digest(count: digestByteCount) { finalize(&context, into: $0) }
    }
}

/// SHA-1 (COS `q-sign-algorithm=sha1`).
public enum SHA1: HashAlgorithm {
    public typealias Context = SHA_CTX
    public static var digestByteCount: Int { 20 }
    public static var blockByteCount: Int { 64 }
    @inlinable public static func makeContext() -> SHA_CTX {
        var context = SHA_CTX()
        SHA1_Init(&context)
        return context
    }
    @inlinable public static func update(_ context: inout SHA_CTX, _ bytes: UnsafeRawBufferPointer) {
        if let base = bytes.baseAddress, bytes.count > 0 { SHA1_Update(&context, base, bytes.count) }
    }
    @inlinable public static func finalize(_ context: inout SHA_CTX, into output: UnsafeMutablePointer<UInt8>) {
        SHA1_Final(output, &context)
    }
}

/// SHA-256 (AWS Signature V4).
public enum SHA256: HashAlgorithm {
    public typealias Context = SHA256_CTX
    public static var digestByteCount: Int { 32 }
    public static var blockByteCount: Int { 64 }
    @inlinable public static func makeContext() -> SHA256_CTX {
        var context = SHA256_CTX()
        SHA256_Init(&context)
        return context
    }
    @inlinable public static func update(_ context: inout SHA256_CTX, _ bytes: UnsafeRawBufferPointer) {
        if let base = bytes.baseAddress, bytes.count > 0 { SHA256_Update(&context, base, bytes.count) }
    }
    @inlinable public static func finalize(_ context: inout SHA256_CTX, into output: UnsafeMutablePointer<UInt8>) {
        SHA256_Final(output, &context)
    }
}

/// MD5, for `Content-MD5` only.
public enum MD5: HashAlgorithm {
    public typealias Context = MD5_CTX
    public static var digestByteCount: Int { 16 }
    public static var blockByteCount: Int { 64 }
    @inlinable public static func makeContext() -> MD5_CTX {
        var context = MD5_CTX()
        MD5_Init(&context)
        return context
    }
    @inlinable public static func update(_ context: inout MD5_CTX, _ bytes: UnsafeRawBufferPointer) {
        if let base = bytes.baseAddress, bytes.count > 0 { MD5_Update(&context, base, bytes.count) }
    }
    @inlinable public static func finalize(_ context: inout MD5_CTX, into output: UnsafeMutablePointer<UInt8>) {
        MD5_Final(output, &context)
    }
}
