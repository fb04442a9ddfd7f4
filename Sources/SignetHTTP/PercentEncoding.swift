/// RFC 3986 percent-encoding with a lookup table, as both signatures need it.
///
/// Only the unreserved characters `A-Z a-z 0-9 - . _ ~` stay literal (and `/` in paths); every
/// other byte becomes `%XX` with uppercase hex. A space is always `%20`, never `+`.
public enum PercentEncoding {
    /// 1 = unreserved.
    @usableFromInline static let unreserved: [Bool] = (0..<256).map { b in
        switch UInt8(b) {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."),
            UInt8(ascii: "_"), UInt8(ascii: "~"):
            return true
        default: return false
        }
    }
    @usableFromInline static let upperHex: [UInt8] = Array("0123456789ABCDEF".utf8)

    /// Appends `bytes` percent-encoded; `/` stays literal when `keepSlash` is set.
    @inlinable public static func append(
        _ bytes: UnsafeRawBufferPointer, to out: inout [UInt8], keepSlash: Bool = false
    ) {
        unreserved.withUnsafeBufferPointer { table in
            upperHex.withUnsafeBufferPointer { hex in
                for b in bytes {
                    if table[Int(b)] || (keepSlash && b == UInt8(ascii: "/")) {
                        out.append(b)
                    } else {
                        out.append(UInt8(ascii: "%"))
                        out.append(hex[Int(b >> 4)])
                        out.append(hex[Int(b & 0x0f)])
                    }
                }
            }
        }
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

    /// Appends a wire component after decoding its `%XX` escapes and encoding it again canonically.
    /// `+` is a literal plus (RFC 3986), so it becomes `%2B`.
    /// - Throws: `SignetError` for a `%` not followed by two hex digits.
    @inlinable public static func appendReencoded(
        _ raw: UnsafeRawBufferPointer, to out: inout [UInt8], keepSlash: Bool = false, field: @autoclosure () -> String
    ) throws {
        try unreserved.withUnsafeBufferPointer { table in
            try upperHex.withUnsafeBufferPointer { hex in
                var i = 0
                let n = raw.count
                while i < n {
                    var b = raw[i]
                    if b == UInt8(ascii: "%") {
                        guard i + 2 < n, let hi = hexValue(raw[i + 1]), let lo = hexValue(raw[i + 2])
                        else {
                            throw malformedEscape(raw, at: i, field: field())
                        }
                        b = hi << 4 | lo
                        i += 3
                    } else {
                        i += 1
                    }
                    if table[Int(b)] || (keepSlash && b == UInt8(ascii: "/")) {
                        out.append(b)
                    } else {
                        out.append(UInt8(ascii: "%"))
                        out.append(hex[Int(b >> 4)])
                        out.append(hex[Int(b & 0x0f)])
                    }
                }
            }
        }
    }

    /// Appends a wire component with its `%XX` escapes decoded (`+` stays `+`).
    @inlinable public static func appendDecoded(
        _ raw: UnsafeRawBufferPointer, to out: inout [UInt8], field: @autoclosure () -> String
    ) throws {
        var i = 0
        let n = raw.count
        while i < n {
            let b = raw[i]
            if b == UInt8(ascii: "%") {
                guard i + 2 < n, let hi = hexValue(raw[i + 1]), let lo = hexValue(raw[i + 2]) else {
                    throw malformedEscape(raw, at: i, field: field())
                }
                out.append(hi << 4 | lo)
                i += 3
            } else {
                out.append(b)
                i += 1
            }
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
