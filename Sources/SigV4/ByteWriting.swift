import SignetCrypto
import SignetHTTP

/// Small byte-buffer helpers shared by the SigV4 stages (internal).
enum ByteWriting {
    /// Appends the 64 lowercase hex digits of a digest.
    @inline(__always) static func appendHex(_ digest: Digest, to out: inout [UInt8]) {
        let start = out.count
        let n = digest.count * 2
        out.append(contentsOf: repeatElement(0, count: n))
        out.withUnsafeMutableBufferPointer { o in
            digest.withUnsafeBytes { Hex.write($0, into: o.baseAddress! + start) }
        }
    }

    /// Appends a non-negative integer in lowercase hexadecimal (chunk sizes).
    static func appendLowerHex(_ value: Int, to out: inout [UInt8]) {
        let digits: StaticString = "0123456789abcdef"
        var shift = 0
        while shift + 4 < Int.bitWidth, value >> (shift + 4) != 0 { shift += 4 }
        digits.withUTF8Buffer { d in
            while shift >= 0 {
                out.append(d[(value >> shift) & 0xf])
                shift -= 4
            }
        }
    }

    /// The number of hex digits of a non-negative integer.
    static func lowerHexCount(_ value: Int) -> Int {
        var n = 1
        var v = value >> 4
        while v != 0 {
            n += 1
            v >>= 4
        }
        return n
    }

    /// True when `bytes` equals the ASCII text `name`, ignoring ASCII case.
    static func equalsIgnoringCase(_ bytes: UnsafeRawBufferPointer, _ name: StaticString) -> Bool {
        guard bytes.count == name.utf8CodeUnitCount else { return false }
        let n = name.utf8Start
        for i in 0..<bytes.count {
            let a = bytes[i]
            let b = n[i]
            if a == b { continue }
            let la = a >= 0x41 && a <= 0x5a ? a | 0x20 : a
            let lb = b >= 0x41 && b <= 0x5a ? b | 0x20 : b
            if la != lb { return false }
        }
        return true
    }
}

/// A SigV4 request time as its 16 `yyyyMMdd'T'HHmmss'Z'` bytes, kept inline (no allocation).
struct AmzTime {
    private var storage: (UInt64, UInt64) = (0, 0)
    let unix: Int64

    init(_ unix: Int64) {
        self.unix = unix
        withUnsafeMutableBytes(of: &storage) {
            UTCTime.writeAmzDateTime(unix, into: $0.baseAddress!.assumingMemoryBound(to: UInt8.self))
        }
    }

    /// The time of `unix`, whose date digits (`yyyyMMdd`, in memory order) are already known: only
    /// the time of day is worked out.
    init(_ unix: Int64, date: UInt64) {
        self.unix = unix
        storage.0 = date
        withUnsafeMutableBytes(of: &storage.1) {
            UTCTime.writeAmzTimeOfDay(unix, into: $0.baseAddress!.assumingMemoryBound(to: UInt8.self))
        }
    }

    /// The 16 bytes of the date-time.
    @inline(__always) func withDateTime<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try withUnsafeBytes(of: storage) { try body($0) }
    }

    /// The 8 bytes of the date (`yyyyMMdd`).
    @inline(__always) func withDate<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try withUnsafeBytes(of: storage) { try body(UnsafeRawBufferPointer(rebasing: $0[0..<8])) }
    }

    var dateTime: String { withDateTime { String(decoding: $0, as: UTF8.self) } }
    var date: String { withDate { String(decoding: $0, as: UTF8.self) } }
}
