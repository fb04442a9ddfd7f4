/// CRC-32C (Castagnoli), as used by `x-amz-checksum-crc32c`. Streaming, table-driven.
public struct CRC32C: Sendable {
    @usableFromInline static let table: [UInt32] = (0..<256).map { n -> UInt32 in
        var c = UInt32(n)
        for _ in 0..<8 { c = (c & 1) != 0 ? (c >> 1) ^ 0x82F6_3B78 : c >> 1 }
        return c
    }

    @usableFromInline var state: UInt32 = 0xFFFF_FFFF

    /// An empty checksum.
    public init() {}

    /// Feeds raw bytes.
    @inlinable public mutating func update(_ bytes: UnsafeRawBufferPointer) {
        var c = state
        CRC32C.table.withUnsafeBufferPointer { t in
            for b in bytes { c = t[Int((c ^ UInt32(b)) & 0xff)] ^ (c >> 8) }
        }
        state = c
    }

    /// Feeds a byte collection.
    public mutating func update<Bytes: Sequence<UInt8>>(_ bytes: Bytes) {
        Array(bytes).withUnsafeBytes { update($0) }
    }

    /// The checksum value.
    public var value: UInt32 { state ^ 0xFFFF_FFFF }

    /// The four checksum bytes, big-endian, as S3 transmits them (base64 of these).
    public var bigEndianBytes: [UInt8] {
        let v = value
        return [UInt8(v >> 24), UInt8((v >> 16) & 0xff), UInt8((v >> 8) & 0xff), UInt8(v & 0xff)]
    }
}
