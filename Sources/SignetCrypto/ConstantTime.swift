import COpenSSL

/// Comparisons whose running time does not depend on where the inputs differ.
public enum ConstantTime {
    /// True when both byte sequences are equal. Length is not secret.
    public static func equals(_ a: UnsafeRawBufferPointer, _ b: UnsafeRawBufferPointer) -> Bool {
        guard a.count == b.count else { return false }
        guard a.count > 0 else { return true }
        return CRYPTO_memcmp(a.baseAddress, b.baseAddress, a.count) == 0
    }

    /// True when both byte collections are equal.
    public static func equals<A: Sequence<UInt8>, B: Sequence<UInt8>>(_ a: A, _ b: B) -> Bool {
        Array(a).withUnsafeBytes { x in Array(b).withUnsafeBytes { y in equals(x, y) } }
    }

    /// True when two strings have equal UTF-8 bytes (for signatures in hex).
    public static func equals(_ a: String, _ b: String) -> Bool { equals(a.utf8, b.utf8) }
}
