/// RFC 3986 percent-encoding with a lookup table, as both signatures need it.
///
/// Only the unreserved characters `A-Z a-z 0-9 - . _ ~` stay literal (and `/` in paths); every
/// other byte becomes `%XX` with uppercase hex. A space is always `%20`, never `+`.
public enum PercentEncoding {
    /// True for `A-Z a-z 0-9 - . _ ~`.
    @inline(__always) @inlinable public static func isUnreserved(_ b: UInt8) -> Bool {
        switch b {
        case 0x41...0x5a, 0x61...0x7a, 0x30...0x39, 0x2d, 0x2e, 0x5f, 0x7e: return true
        default: return false
        }
    }

    @inline(__always) @usableFromInline static func upperHexDigit(_ v: UInt8) -> UInt8 {
        v < 10 ? 0x30 &+ v : 0x37 &+ v
    }

    /// Lets `body` write at most `maxGrowth` bytes into scratch space (on the stack when small),
    /// then appends what it wrote with one copy: no per-byte capacity or uniqueness checks.
    @inline(__always) @inlinable static func appending<E: Error>(
        to out: inout [UInt8], maxGrowth: Int, _ body: (UnsafeMutablePointer<UInt8>) throws(E) -> Int
    ) throws(E) {
        guard maxGrowth > 0 else { return }
        let result: Result<Int, E> = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: maxGrowth) { scratch in
            do throws(E) {
                let n = try body(scratch.baseAddress!)
                out.append(contentsOf: UnsafeBufferPointer(start: scratch.baseAddress!, count: n))
                return .success(n)
            } catch {
                return .failure(error)
            }
        }
        if case .failure(let error) = result { throw error }
    }

    /// Writes `bytes` percent-encoded at `o`; returns the bytes written (at most 3 per input byte).
    @inline(__always) @inlinable static func write(
        _ bytes: UnsafeRawBufferPointer, to o: UnsafeMutablePointer<UInt8>, keepSlash: Bool
    ) -> Int {
        var k = 0
        for b in bytes {
            if isUnreserved(b) || (keepSlash && b == 0x2f) {
                o[k] = b
                k &+= 1
            } else {
                o[k] = 0x25
                o[k &+ 1] = upperHexDigit(b >> 4)
                o[k &+ 2] = upperHexDigit(b & 0x0f)
                k &+= 3
            }
        }
        return k
    }

    /// Appends `bytes` percent-encoded; `/` stays literal when `keepSlash` is set.
    @inlinable public static func append(
        _ bytes: UnsafeRawBufferPointer, to out: inout [UInt8], keepSlash: Bool = false
    ) {
        appending(to: &out, maxGrowth: bytes.count &* 3) { o in write(bytes, to: o, keepSlash: keepSlash) }
    }

    /// Appends a string's UTF-8 bytes percent-encoded.
    @inlinable public static func append(_ string: String, to out: inout [UInt8], keepSlash: Bool = false) {
        var string = string
        string.withUTF8 { append(UnsafeRawBufferPointer($0), to: &out, keepSlash: keepSlash) }
    }

    /// The percent-encoded form of a string.
    public static func encode(_ string: String, keepSlash: Bool = false) -> String {
        var out = [UInt8]()
        out.reserveCapacity(string.utf8.count * 3)
        append(string, to: &out, keepSlash: keepSlash)
        return String(decoding: out, as: UTF8.self)
    }

    /// Writes a wire component at `o` with its `%XX` escapes decoded and every byte encoded again
    /// canonically; returns the bytes written (at most 3 per input byte). `+` is a literal plus.
    /// - Throws: `SignetError` naming `field` for a `%` not followed by two hex digits.
    @inline(__always) @inlinable static func writeReencoded(
        _ raw: UnsafeRawBufferPointer, to o: UnsafeMutablePointer<UInt8>, keepSlash: Bool, field: () -> String
    ) throws(SignetError) -> Int {
        let n = raw.count
        var i = 0
        var k = 0
        while i < n {
            var b = raw[i]
            if b == 0x25 {
                guard i &+ 2 < n, let hi = hexValue(raw[i &+ 1]), let lo = hexValue(raw[i &+ 2]) else {
                    throw malformedEscape(raw, at: i, field: field())
                }
                b = hi << 4 | lo
                i &+= 3
            } else {
                i &+= 1
            }
            if isUnreserved(b) || (keepSlash && b == 0x2f) {
                o[k] = b
                k &+= 1
            } else {
                o[k] = 0x25
                o[k &+ 1] = upperHexDigit(b >> 4)
                o[k &+ 2] = upperHexDigit(b & 0x0f)
                k &+= 3
            }
        }
        return k
    }

    /// Writes a wire component at `o` with its `%XX` escapes decoded (`+` stays `+`); returns the
    /// bytes written (at most one per input byte).
    /// - Throws: `SignetError` naming `field` for a `%` not followed by two hex digits.
    @inline(__always) @inlinable static func writeDecoded(
        _ raw: UnsafeRawBufferPointer, to o: UnsafeMutablePointer<UInt8>, field: () -> String
    ) throws(SignetError) -> Int {
        let n = raw.count
        var i = 0
        var k = 0
        while i < n {
            let b = raw[i]
            if b == 0x25 {
                guard i &+ 2 < n, let hi = hexValue(raw[i &+ 1]), let lo = hexValue(raw[i &+ 2]) else {
                    throw malformedEscape(raw, at: i, field: field())
                }
                o[k] = hi << 4 | lo
                i &+= 3
            } else {
                o[k] = b
                i &+= 1
            }
            k &+= 1
        }
        return k
    }

    /// Appends a wire component after decoding its `%XX` escapes and encoding it again canonically.
    /// `+` is a literal plus (RFC 3986), so it becomes `%2B`.
    /// - Throws: `SignetError` for a `%` not followed by two hex digits.
    @inlinable public static func appendReencoded(
        _ raw: UnsafeRawBufferPointer, to out: inout [UInt8], keepSlash: Bool = false, field: @autoclosure () -> String
    ) throws {
        try appending(to: &out, maxGrowth: raw.count &* 3) { (o: UnsafeMutablePointer<UInt8>) throws(SignetError) in
            try writeReencoded(raw, to: o, keepSlash: keepSlash, field: field)
        }
    }

    /// Appends a wire component with its `%XX` escapes decoded (`+` stays `+`).
    @inlinable public static func appendDecoded(
        _ raw: UnsafeRawBufferPointer, to out: inout [UInt8], field: @autoclosure () -> String
    ) throws {
        try appending(to: &out, maxGrowth: raw.count) { (o: UnsafeMutablePointer<UInt8>) throws(SignetError) in
            try writeDecoded(raw, to: o, field: field)
        }
    }

    /// Decodes `%XX` escapes of a wire component into bytes (`+` stays `+`).
    public static func decode(_ raw: String, field: String = "value") throws -> [UInt8] {
        var raw = raw
        var out = [UInt8]()
        try raw.withUTF8 { try appendDecoded(UnsafeRawBufferPointer($0), to: &out, field: field) }
        return out
    }

    /// Decodes `%XX` escapes into a string; invalid UTF-8 is replaced with U+FFFD.
    public static func decodeToString(_ raw: String, field: String = "value") throws -> String {
        String(decoding: try decode(raw, field: field), as: UTF8.self)
    }

    @inlinable static func hexValue(_ c: UInt8) -> UInt8? {
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return c &- UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return c &- UInt8(ascii: "a") &+ 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return c &- UInt8(ascii: "A") &+ 10
        default: return nil
        }
    }

    @usableFromInline static func malformedEscape(_ raw: UnsafeRawBufferPointer, at i: Int, field: String)
        -> SignetError
    {
        let end = min(raw.count, i + 3)
        let shown = String(decoding: raw[i..<end], as: UTF8.self)
        return SignetError(
            field, "malformed percent-escape \"\(shown)\" at byte \(i)",
            allowed: "% followed by two hex digits; write a literal % as %25")
    }
}
