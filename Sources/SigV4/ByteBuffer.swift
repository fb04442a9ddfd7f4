import SignetCrypto
import SignetHTTP

/// One growable byte buffer for a whole signature: canonical request, string to sign and output
/// are written into it back to back, and earlier parts are referred to by offset (internal).
///
/// Appends go through a raw pointer, so small pieces cost no uniqueness or bounds checks beyond one
/// capacity compare. The owner must call `deallocate()`.
struct ByteBuffer {
    private(set) var base: UnsafeMutablePointer<UInt8>
    private(set) var count = 0
    private var capacity: Int

    init(capacity: Int) {
        self.capacity = max(capacity, 64)
        base = .allocate(capacity: self.capacity)
    }

    func deallocate() { base.deallocate() }

    @inline(__always) mutating func reserve(_ n: Int) {
        if count + n > capacity { grow(count + n) }
    }

    private mutating func grow(_ needed: Int) {
        let newCapacity = max(needed, capacity * 2)
        let newBase = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        newBase.update(from: base, count: count)
        base.deallocate()
        base = newBase
        capacity = newCapacity
    }

    @inline(__always) mutating func append(_ byte: UInt8) {
        reserve(1)
        base[count] = byte
        count += 1
    }

    @inline(__always) mutating func append(_ bytes: UnsafeRawBufferPointer) {
        guard let src = bytes.baseAddress, bytes.count > 0 else { return }
        reserve(bytes.count)
        if bytes.count <= 16 {
            // Short pieces: a plain loop beats a call to memmove.
            let s = src.assumingMemoryBound(to: UInt8.self)
            for i in 0..<bytes.count { base[count + i] = s[i] }
        } else {
            UnsafeMutableRawPointer(base + count).copyMemory(from: src, byteCount: bytes.count)
        }
        count += bytes.count
    }

    /// Appends the 16 bytes of a request time.
    @inline(__always) mutating func append(dateTime time: AmzTime) {
        reserve(16)
        time.withDateTime { d in for i in 0..<16 { base[count + i] = d[i] } }
        count += 16
    }

    /// Appends the 8 bytes of a request date.
    @inline(__always) mutating func append(date time: AmzTime) {
        reserve(8)
        time.withDate { d in for i in 0..<8 { base[count + i] = d[i] } }
        count += 8
    }

    /// Appends a wire component with its `%XX` escapes decoded and each byte encoded again
    /// canonically (unreserved characters literal, everything else `%XX`).
    /// - Throws: `SignetError` for a malformed escape (RequestURL has already refused those).
    mutating func appendReencoded(_ raw: UnsafeRawBufferPointer) throws {
        reserve(raw.count * 3)
        let hex: StaticString = "0123456789ABCDEF"
        let h = hex.utf8Start
        var o = count
        var i = 0
        let n = raw.count
        while i < n {
            var b = raw[i]
            if b == UInt8(ascii: "%") {
                guard i + 2 < n, let hi = Hex.value(raw[i + 1]), let lo = Hex.value(raw[i + 2]) else {
                    count = o
                    throw SignetError(
                        "url", "malformed percent-escape at byte \(i)",
                        allowed: "% followed by two hex digits; write a literal % as %25")
                }
                b = hi << 4 | lo
                i += 3
            } else {
                i += 1
            }
            if PercentEncoding.isUnreserved(b) {
                base[o] = b
                o += 1
            } else {
                base[o] = 0x25
                base[o + 1] = h[Int(b >> 4)]
                base[o + 2] = h[Int(b & 0x0f)]
                o += 3
            }
        }
        count = o
    }

    @inline(__always) mutating func append(_ text: StaticString) {
        append(UnsafeRawBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    @inline(__always) mutating func append(utf8 text: String) {
        var text = text
        text.withUTF8 { append(UnsafeRawBufferPointer($0)) }
    }

    /// Appends a copy of an earlier part of this buffer.
    @inline(__always) mutating func append(copyOf range: Range<Int>) {
        reserve(range.count)
        if range.count <= 16 {
            for i in 0..<range.count { base[count + i] = base[range.lowerBound + i] }
        } else {
            (base + count).update(from: base + range.lowerBound, count: range.count)
        }
        count += range.count
    }

    /// Appends `bytes` percent-encoded (unreserved characters literal, `/` too when `keepSlash`).
    mutating func appendPercentEncoded(_ bytes: UnsafeRawBufferPointer, keepSlash: Bool = false) {
        reserve(bytes.count * 3)
        var o = count
        let hex: StaticString = "0123456789ABCDEF"
        let h = hex.utf8Start
        for b in bytes {
            if PercentEncoding.isUnreserved(b) || (keepSlash && b == 0x2f) {
                base[o] = b
                o += 1
            } else {
                base[o] = 0x25
                base[o + 1] = h[Int(b >> 4)]
                base[o + 2] = h[Int(b & 0x0f)]
                o += 3
            }
        }
        count = o
    }

    mutating func appendPercentEncoded(_ text: String) {
        var text = text
        text.withUTF8 { appendPercentEncoded(UnsafeRawBufferPointer($0)) }
    }

    /// Appends the lowercase hex of a digest.
    @inline(__always) mutating func appendHex(_ digest: Digest) {
        reserve(digest.count * 2)
        digest.withUnsafeBytes { Hex.write($0, into: base + count) }
        count += digest.count * 2
    }

    /// Appends a non-negative decimal number.
    mutating func append(decimal value: Int64) {
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)
        let n = withUnsafeMutableBytes(of: &digits) { d -> Int in
            var v = value < 0 ? 0 : value
            var i = 24
            repeat {
                i -= 1
                d[i] = UInt8(48 + v % 10)
                v /= 10
            } while v > 0
            append(UnsafeRawBufferPointer(rebasing: d[i..<24]))
            return 24 - i
        }
        _ = n
    }

    /// The bytes of a range.
    @inline(__always) func bytes(_ range: Range<Int>) -> UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(start: base + range.lowerBound, count: range.count)
    }

    /// A string of a range.
    func string(_ range: Range<Int>) -> String { String(decoding: bytes(range), as: UTF8.self) }
}
