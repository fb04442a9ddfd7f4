/// A byte string copied once into memory of its own, for the fixed pieces a signer writes into
/// every signature (its key id, its scope): appending it touches no `String` and no reference
/// count. The owner frees it with `deallocate()`.
public struct FixedBytes: @unchecked Sendable {
    /// The bytes (immutable once made).
    public let bytes: UnsafeRawBufferPointer

    /// A copy of `array`.
    public init(_ array: [UInt8]) {
        let memory = UnsafeMutableRawBufferPointer.allocate(byteCount: max(array.count, 1), alignment: 8)
        array.withUnsafeBytes { memory.copyMemory(from: $0) }
        bytes = UnsafeRawBufferPointer(rebasing: memory[0..<array.count])
    }

    /// A copy of a string's UTF-8 bytes, percent-encoded when `encoded` is set.
    public init(_ text: String, encoded: Bool = false) {
        self.init(Array((encoded ? PercentEncoding.encode(text) : text).utf8))
    }

    /// Frees the memory; the bytes must not be used afterwards.
    public func deallocate() { UnsafeMutableRawPointer(mutating: bytes.baseAddress!).deallocate() }
}
