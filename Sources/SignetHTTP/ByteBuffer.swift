/// One growable byte buffer for a whole signature: canonical form, string to sign and output are
/// written into it back to back, and earlier parts are referred to by offset.
///
/// Appends go through a raw pointer, so small pieces cost no uniqueness or bounds checks beyond one
/// capacity compare; it grows when needed, so it never writes out of bounds. The owner must call
/// `deallocate()` (it is a plain struct over manually managed memory, for the signing hot path).
public struct ByteBuffer {
    @usableFromInline var base: UnsafeMutablePointer<UInt8>
    @usableFromInline var written = 0
    /// Bytes written so far.
    public var count: Int { written }
    @usableFromInline var capacity: Int

    /// A buffer with room for `capacity` bytes before it has to grow.
    @inlinable public init(capacity: Int) {
        self.capacity = max(capacity, 64)
        base = .allocate(capacity: self.capacity)
    }

    /// Frees the memory; the buffer must not be used afterwards.
    @inlinable public func deallocate() { base.deallocate() }

    @inlinable @inline(__always) public mutating func reserve(_ n: Int) {
        if written + n > capacity { grow(written + n) }
    }

    @usableFromInline mutating func grow(_ needed: Int) {
        let newCapacity = max(needed, capacity * 2)
        let newBase = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        newBase.update(from: base, count: written)
        base.deallocate()
        base = newBase
        capacity = newCapacity
    }

    @inlinable @inline(__always) public mutating func append(_ byte: UInt8) {
        reserve(1)
        base[written] = byte
        written += 1
    }

    @inlinable @inline(__always) public mutating func append(_ bytes: UnsafeRawBufferPointer) {
        guard let src = bytes.baseAddress, bytes.count > 0 else { return }
        reserve(bytes.count)
        if bytes.count <= 16 {
            // Short pieces: a plain loop beats a call to memmove.
            let s = src.assumingMemoryBound(to: UInt8.self)
            for i in 0..<bytes.count { base[written + i] = s[i] }
        } else {
            UnsafeMutableRawPointer(base + written).copyMemory(from: src, byteCount: bytes.count)
        }
        written += bytes.count
    }

    /// Appends a wire component with its `%XX` escapes decoded and each byte encoded again
    /// canonically (unreserved characters literal, `/` too when `keepSlash`, everything else `%XX`).
    /// - Throws: `SignetError` naming `field` for a malformed escape (RequestURL refuses those first).
    @inlinable public mutating func appendReencoded(
        _ raw: UnsafeRawBufferPointer, keepSlash: Bool = false, field: @autoclosure () -> String = "url"
    ) throws {
        reserve(raw.count * 3)
        written += try PercentEncoding.writeReencoded(raw, to: base + written, keepSlash: keepSlash, field: field)
    }

    @inlinable @inline(__always) public mutating func append(_ text: StaticString) {
        append(UnsafeRawBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    @inlinable @inline(__always) public mutating func append(utf8 text: String) {
        // Borrow the bytes in place (no copy of the string, no reference-count traffic).
        if text.utf8.withContiguousStorageIfAvailable({ append(UnsafeRawBufferPointer($0)) }) == nil {
            var copy = text
            copy.withUTF8 { append(UnsafeRawBufferPointer($0)) }
        }
    }

    /// Appends a copy of an earlier part of this buffer.
    @inlinable @inline(__always) public mutating func append(copyOf range: Range<Int>) {
        reserve(range.count)
        if range.count <= 16 {
            for i in 0..<range.count { base[written + i] = base[range.lowerBound + i] }
        } else {
            (base + written).update(from: base + range.lowerBound, count: range.count)
        }
        written += range.count
    }

    /// Appends `bytes` percent-encoded (unreserved characters literal, `/` too when `keepSlash`).
    /// `bytes` must not point into this buffer (use `appendPercentEncodedCopy` for that).
    @inlinable public mutating func appendPercentEncoded(_ bytes: UnsafeRawBufferPointer, keepSlash: Bool = false) {
        reserve(bytes.count * 3)
        written += PercentEncoding.write(bytes, to: base + written, keepSlash: keepSlash)
    }

    /// Appends an earlier part of this buffer percent-encoded (`/` literal when `keepSlash`).
    @inlinable public mutating func appendPercentEncodedCopy(of range: Range<Int>, keepSlash: Bool) {
        precondition(range.lowerBound >= 0 && range.upperBound <= written, "ByteBuffer range out of bounds")
        reserve(range.count * 3)  // may move the storage, so take the source pointer afterwards
        let source = UnsafeRawBufferPointer(start: base + range.lowerBound, count: range.count)
        written += PercentEncoding.write(source, to: base + written, keepSlash: keepSlash)
    }

    @inlinable public mutating func appendPercentEncoded(_ text: String) {
        if text.utf8.withContiguousStorageIfAvailable({ appendPercentEncoded(UnsafeRawBufferPointer($0)) }) == nil {
            var copy = text
            copy.withUTF8 { appendPercentEncoded(UnsafeRawBufferPointer($0)) }
        }
    }

    /// Appends the lowercase hex of `bytes`.
    @inlinable public mutating func appendLowercaseHex(_ bytes: UnsafeRawBufferPointer) {
        reserve(bytes.count * 2)
        let digits: StaticString = "0123456789abcdef"
        let h = digits.utf8Start
        var o = written
        for b in bytes {
            base[o] = h[Int(b >> 4)]
            base[o + 1] = h[Int(b & 0x0f)]
            o += 2
        }
        written = o
    }

    /// Appends a non-negative decimal number (a negative one is written as 0).
    @inlinable public mutating func append(decimal value: Int64) {
        var v = UInt64(max(value, 0))
        var digits = 1
        var scale: UInt64 = 10
        while digits < 20, v >= scale {
            digits += 1
            scale = digits < 20 ? scale &* 10 : scale
        }
        reserve(digits)
        var o = written + digits
        repeat {
            o -= 1
            base[o] = UInt8(truncatingIfNeeded: 48 &+ v % 10)
            v /= 10
        } while v > 0
        written += digits
    }

    /// Appends a wire component with its `%XX` escapes decoded (`+` stays `+`).
    /// - Throws: `SignetError` naming `field` for a malformed escape.
    @inlinable public mutating func appendDecoded(_ raw: UnsafeRawBufferPointer, field: String) throws {
        reserve(raw.count)
        written += try PercentEncoding.writeDecoded(raw, to: base + written, field: { field })
    }

    /// The byte at offset `i` (which must have been written).
    @inlinable public subscript(_ i: Int) -> UInt8 {
        precondition(i >= 0 && i < written, "ByteBuffer index out of range")
        return base[i]
    }

    /// The bytes of a range.
    @inlinable @inline(__always) public func bytes(_ range: Range<Int>) -> UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(start: base + range.lowerBound, count: range.count)
    }

    /// A string of a range.
    @inlinable public func string(_ range: Range<Int>) -> String { String(decoding: bytes(range), as: UTF8.self) }
}
