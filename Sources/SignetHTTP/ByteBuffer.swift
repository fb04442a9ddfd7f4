/// One growable byte buffer for a whole signature: canonical form, string to sign and output are
/// written into it back to back, and earlier parts are referred to by offset.
///
/// Appends go through a raw pointer, so small pieces cost no uniqueness or bounds checks beyond one
/// capacity compare; it grows when needed, so it never writes out of bounds. The owner must call
/// `deallocate()` (it is a plain struct over manually managed memory, for the signing hot path).
/// `ByteBuffer.withScratch` starts it in a reused per-thread block and frees whatever it grew into.
public struct ByteBuffer {
    @usableFromInline var base: UnsafeMutablePointer<UInt8>
    @usableFromInline var written = 0
    /// Bytes written so far.
    @inlinable public var count: Int { written }
    @usableFromInline var capacity: Int
    /// False while `base` is memory the buffer borrowed (it is then never freed by the buffer).
    @usableFromInline var owned: Bool

    /// A buffer with room for `capacity` bytes before it has to grow.
    @inlinable public init(capacity: Int) {
        self.capacity = max(capacity, 64)
        base = .allocate(capacity: self.capacity)
        owned = true
    }

    /// A buffer that starts in `memory` (not freed by the buffer) and moves to the heap if it grows.
    @inlinable public init(borrowing memory: UnsafeMutableBufferPointer<UInt8>) {
        precondition(memory.count > 0, "ByteBuffer needs some memory to borrow")
        base = memory.baseAddress!
        capacity = memory.count
        owned = false
    }

    /// Frees the memory it owns; the buffer must not be used afterwards.
    @inlinable public func deallocate() { if owned { base.deallocate() } }

    /// Runs `body` with an empty buffer that starts in this thread's reusable scratch block when
    /// `capacity` fits in it (so a typical signature allocates nothing), and frees whatever the
    /// buffer grew into.
    @inlinable public static func withScratch<R, E: Error>(
        capacity: Int, _ body: (inout ByteBuffer) throws(E) -> R
    ) throws(E) -> R {
        if capacity <= ThreadScratch.size, let memory = ThreadScratch.acquire() {
            var buffer = ByteBuffer(borrowing: memory)
            defer {
                buffer.deallocate()
                ThreadScratch.release(memory)
            }
            return try body(&buffer)
        }
        var buffer = ByteBuffer(capacity: capacity)
        defer { buffer.deallocate() }
        return try body(&buffer)
    }

    @inlinable @inline(__always) public mutating func reserve(_ n: Int) {
        if written + n > capacity { grow(written + n) }
    }

    @usableFromInline mutating func grow(_ needed: Int) {
        let newCapacity = max(needed, capacity * 2)
        let newBase = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        newBase.update(from: base, count: written)
        if owned { base.deallocate() }
        base = newBase
        capacity = newCapacity
        owned = true
    }

    @inlinable @inline(__always) public mutating func append(_ byte: UInt8) {
        reserve(1)
        base[written] = byte
        written += 1
    }

    @inlinable @inline(__always) public mutating func append(_ bytes: UnsafeRawBufferPointer) {
        guard let src = bytes.baseAddress, bytes.count > 0 else { return }
        reserve(bytes.count)
        ByteBuffer.copy(src, to: UnsafeMutableRawPointer(base + written), count: bytes.count)
        written += bytes.count
    }

    /// Copies `count` bytes (the two ranges must not overlap). Up to 16 bytes take two loads and
    /// two stores that may overlap each other, instead of a call to memmove or a byte loop.
    @inlinable @inline(__always) static func copy(
        _ src: UnsafeRawPointer, to dst: UnsafeMutableRawPointer, count n: Int
    ) {
        if n >= 8 {
            if n > 16 {
                dst.copyMemory(from: src, byteCount: n)
                return
            }
            let head = src.loadUnaligned(as: UInt64.self)
            let tail = src.loadUnaligned(fromByteOffset: n &- 8, as: UInt64.self)
            dst.storeBytes(of: head, as: UInt64.self)
            dst.storeBytes(of: tail, toByteOffset: n &- 8, as: UInt64.self)
        } else if n >= 4 {
            let head = src.loadUnaligned(as: UInt32.self)
            let tail = src.loadUnaligned(fromByteOffset: n &- 4, as: UInt32.self)
            dst.storeBytes(of: head, as: UInt32.self)
            dst.storeBytes(of: tail, toByteOffset: n &- 4, as: UInt32.self)
        } else if n > 0 {
            // 1 to 3 bytes: first, middle and last (some the same byte).
            let first = src.load(as: UInt8.self)
            let middle = src.load(fromByteOffset: n >> 1, as: UInt8.self)
            let last = src.load(fromByteOffset: n &- 1, as: UInt8.self)
            dst.storeBytes(of: first, as: UInt8.self)
            dst.storeBytes(of: middle, toByteOffset: n >> 1, as: UInt8.self)
            dst.storeBytes(of: last, toByteOffset: n &- 1, as: UInt8.self)
        }
    }

    /// Appends a wire component with its `%XX` escapes decoded and each byte encoded again
    /// canonically (unreserved characters literal, `/` too when `keepSlash`, everything else `%XX`).
    /// - Throws: `SignetError` naming `field` for a malformed escape (RequestURL refuses those first).
    /// With `keepEscapedSlash` (and `keepSlash`), an escaped `%2F` stays `%2F`.
    @inlinable public mutating func appendReencoded(
        _ raw: UnsafeRawBufferPointer, keepSlash: Bool = false, keepEscapedSlash: Bool = false,
        field: @autoclosure () -> String = "url"
    ) throws {
        reserve(raw.count * 3)
        written += try PercentEncoding.writeReencoded(
            raw, to: base + written, keepSlash: keepSlash, keepEscapedSlash: keepEscapedSlash, field: field)
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
        reserve(range.count)  // may move the storage, so take the source pointer afterwards
        ByteBuffer.copy(
            UnsafeRawPointer(base + range.lowerBound), to: UnsafeMutableRawPointer(base + written), count: range.count)
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

    /// The two lowercase hex digits of every byte value, back to back.
    @usableFromInline static let hexPairs: StaticString =
        "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f202122232425262728292a2b2c2d2e2f303132333435363738393a3b3c3d3e3f404142434445464748494a4b4c4d4e4f505152535455565758595a5b5c5d5e5f606162636465666768696a6b6c6d6e6f707172737475767778797a7b7c7d7e7f808182838485868788898a8b8c8d8e8f909192939495969798999a9b9c9d9e9fa0a1a2a3a4a5a6a7a8a9aaabacadaeafb0b1b2b3b4b5b6b7b8b9babbbcbdbebfc0c1c2c3c4c5c6c7c8c9cacbcccdcecfd0d1d2d3d4d5d6d7d8d9dadbdcdddedfe0e1e2e3e4e5e6e7e8e9eaebecedeeeff0f1f2f3f4f5f6f7f8f9fafbfcfdfeff"

    /// Appends the lowercase hex of `bytes`.
    @inlinable public mutating func appendLowercaseHex(_ bytes: UnsafeRawBufferPointer) {
        guard let source = bytes.baseAddress else { return }
        let n = bytes.count
        reserve(n &* 2)
        let pairs = UnsafeRawPointer(ByteBuffer.hexPairs.utf8Start)
        let out = UnsafeMutableRawPointer(base + written)
        for i in 0..<n {
            let pair = pairs.loadUnaligned(
                fromByteOffset: Int(source.load(fromByteOffset: i, as: UInt8.self)) &* 2, as: UInt16.self)
            out.storeBytes(of: pair, toByteOffset: i &* 2, as: UInt16.self)
        }
        written &+= n &* 2
    }

    /// The two decimal digits of every value 0...99, back to back.
    @usableFromInline static let decimalPairs: StaticString =
        "00010203040506070809101112131415161718192021222324252627282930313233343536373839404142434445464748495051525354555657585960616263646566676869707172737475767778798081828384858687888990919293949596979899"

    /// Appends a non-negative decimal number (a negative one is written as 0).
    @inlinable public mutating func append(decimal value: Int64) {
        var v = UInt64(max(value, 0))
        // An Int64 has at most 19 digits, and 10^19 still fits in a UInt64.
        var digits = 1
        var p: UInt64 = 10
        while digits < 19, v >= p {
            digits &+= 1
            p &*= 10
        }
        reserve(digits)
        // Two digits per division, from the end.
        let pairs = UnsafeRawPointer(ByteBuffer.decimalPairs.utf8Start)
        var o = base + written + digits
        while v >= 100 {
            let r = Int(v % 100)
            v /= 100
            o -= 2
            UnsafeMutableRawPointer(o).storeBytes(
                of: pairs.loadUnaligned(fromByteOffset: r &* 2, as: UInt16.self), as: UInt16.self)
        }
        if v >= 10 {
            o -= 2
            UnsafeMutableRawPointer(o).storeBytes(
                of: pairs.loadUnaligned(fromByteOffset: Int(v) &* 2, as: UInt16.self), as: UInt16.self)
        } else {
            o -= 1
            o.pointee = UInt8(truncatingIfNeeded: 48 &+ v)
        }
        written &+= digits
    }

    /// Appends a wire component with its `%XX` escapes decoded (`+` stays `+`).
    /// - Throws: `SignetError` naming `field` for a malformed escape.
    @inlinable public mutating func appendDecoded(_ raw: UnsafeRawBufferPointer, field: String) throws {
        reserve(raw.count)
        written += try PercentEncoding.writeDecoded(raw, to: base + written, field: { field })
    }

    /// True when an earlier part of this buffer holds an ASCII upper-case letter.
    @inlinable public func containsUppercase(_ range: Range<Int>) -> Bool {
        precondition(range.lowerBound >= 0 && range.upperBound <= written, "ByteBuffer range out of bounds")
        var i = range.lowerBound
        // Eight bytes at a time: with the top bit of every byte set, subtracting "A" (or "[") from
        // each byte cannot borrow from its neighbour, and the top bit then tells ">= A" (">= [").
        @inline(__always) func hasUppercase(_ offset: Int) -> Bool {
            let high: UInt64 = 0x8080_8080_8080_8080
            let x = UnsafeRawPointer(base + offset).loadUnaligned(as: UInt64.self)
            let atLeastA = (x | high) &- 0x4141_4141_4141_4141
            let atLeastBracket = (x | high) &- 0x5b5b_5b5b_5b5b_5b5b
            return atLeastA & ~atLeastBracket & ~x & high != 0
        }
        if range.count >= 8 {
            while range.upperBound &- i >= 8 {
                if hasUppercase(i) { return true }
                i &+= 8
            }
            // The rest as the range's last eight bytes (re-testing some is harmless).
            return i < range.upperBound && hasUppercase(range.upperBound &- 8)
        }
        while i < range.upperBound {
            if base[i] &- 0x41 < 26 { return true }
            i &+= 1
        }
        return false
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
