/// RFC 3986 percent-encoding with a lookup table, as both signatures need it.
///
/// Only the unreserved characters `A-Z a-z 0-9 - . _ ~` stay literal (and `/` in paths); every
/// other byte becomes `%XX` with uppercase hex. A space is always `%20`, never `+`.
public enum PercentEncoding {
    /// One class per byte value, chosen so that bit tests answer every question at once:
    /// `w` unreserved (bits 0 and 1 set), `v` the slash (bit 1), `%` the escape introducer (the only
    /// class without bit 6), `x` everything else (neither bit 0 nor 1). A static string, so reading
    /// it costs no set-up, and eight bytes can be tested with one AND of their classes.
    @usableFromInline static let classes: StaticString =
        "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx%xxxxxxxwwvwwwwwwwwwwxxxxxxxwwwwwwwwwwwwwwwwwwwwwwwwwwxxxxwxwwwwwwwwwwwwwwwwwwwwwwwwwwxxxwxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"

    /// The class of a byte (see `classes`).
    @inline(__always) @inlinable static func byteClass(_ b: UInt8) -> UInt8 { classes.utf8Start[Int(b)] }

    /// The class bits a byte must have to stay literal.
    @inline(__always) @inlinable static func literalMask(keepSlash: Bool) -> UInt8 { keepSlash ? 0x02 : 0x03 }

    /// True for `A-Z a-z 0-9 - . _ ~`.
    @inline(__always) @inlinable public static func isUnreserved(_ b: UInt8) -> Bool {
        byteClass(b) & 0x03 == 0x03
    }

    /// True when `b` stays literal: unreserved, or `/` when `keepSlash`.
    @inline(__always) @inlinable static func staysLiteral(_ b: UInt8, keepSlash: Bool) -> Bool {
        let mask = literalMask(keepSlash: keepSlash)
        return byteClass(b) & mask == mask
    }

    /// The AND of the classes of the eight bytes at `p`.
    @inline(__always) @inlinable static func classesOfEight(_ p: UnsafePointer<UInt8>) -> UInt8 {
        let t = classes.utf8Start
        return t[Int(p[0])] & t[Int(p[1])] & t[Int(p[2])] & t[Int(p[3])] & t[Int(p[4])] & t[Int(p[5])]
            & t[Int(p[6])] & t[Int(p[7])]
    }

    /// Copies eight bytes.
    @inline(__always) @inlinable static func copyEight(_ p: UnsafePointer<UInt8>, to o: UnsafeMutablePointer<UInt8>) {
        UnsafeMutableRawPointer(o).storeBytes(
            of: UnsafeRawPointer(p).loadUnaligned(as: UInt64.self), as: UInt64.self)
    }

    /// Writes `%XX` for `b` at `o`.
    @inline(__always) @inlinable static func writeEscape(_ b: UInt8, to o: UnsafeMutablePointer<UInt8>) {
        o[0] = 0x25
        o[1] = upperHexDigit(b >> 4)
        o[2] = upperHexDigit(b & 0x0f)
    }

    @inline(__always) @usableFromInline static func upperHexDigit(_ v: UInt8) -> UInt8 {
        let digits: StaticString = "0123456789ABCDEF"
        return digits.utf8Start[Int(v & 0x0f)]
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

    /// At a block boundary (`p` reached `blockEnd`): copies the next eight bytes when all their
    /// classes have the `mask` bits and returns true; otherwise makes them the block to walk one step
    /// at a time. Each byte is tested once.
    @inline(__always) @inlinable static func copiedLiteralBlock(
        _ p: inout UnsafePointer<UInt8>, _ q: inout UnsafeMutablePointer<UInt8>, end: UnsafePointer<UInt8>,
        blockEnd: inout UnsafePointer<UInt8>, mask: UInt8
    ) -> Bool {
        guard p >= blockEnd else { return false }
        if end - p >= 8, classesOfEight(p) & mask == mask {
            copyEight(p, to: q)
            p += 8
            q += 8
            blockEnd = p
            return true
        }
        blockEnd = p + 8
        return false
    }

    /// Encodes the byte at `p` to `q` and moves both on.
    @inline(__always) @inlinable static func encodeOne(
        _ p: inout UnsafePointer<UInt8>, _ q: inout UnsafeMutablePointer<UInt8>, mask: UInt8
    ) {
        let b = p.pointee
        if byteClass(b) & mask == mask {
            q.pointee = b
            q += 1
        } else {
            writeEscape(b, to: q)
            q += 3
        }
        p += 1
    }

    /// Writes `bytes` percent-encoded at `o` and returns how many bytes the encoding takes. `o` must
    /// have room for 3 bytes per input byte whatever the result: blocks are copied ahead and may
    /// write past the returned count.
    ///
    /// Eight bytes are tested at a time. A block of literal bytes is copied at once; a block with a
    /// byte to escape is copied up to that byte, and the rest of the block is encoded one byte at a
    /// time. When fewer than eight bytes are left of an input of eight or more, the input's last
    /// eight are tested, and copied if they are all literal.
    @inline(__always) @inlinable static func write(
        _ bytes: UnsafeRawBufferPointer, to o: UnsafeMutablePointer<UInt8>, keepSlash: Bool
    ) -> Int {
        guard let start = bytes.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return 0 }
        let mask = literalMask(keepSlash: keepSlash)
        var p = start
        let end = start + bytes.count
        var q = o
        while end - p >= 8 {
            // Eight bytes copied ahead: at least 8 input bytes are left, so the output (3 bytes
            // per input byte) has room for them, and what is not literal is written over.
            copyEight(p, to: q)
            if classesOfEight(p) & mask == mask {
                p += 8
                q += 8
                continue
            }
            let blockEnd = p + 8
            while byteClass(p.pointee) & mask == mask {  // stops within the block
                p += 1
                q += 1
            }
            while p < blockEnd { encodeOne(&p, &q, mask: mask) }
        }
        if p < end, end - start >= 8, classesOfEight(end - 8) & mask == mask {
            // The last eight bytes are literal, so those before `p` among them were written one for
            // one, just before `q`: write all eight again, ending where the output ends.
            let left = end - p
            copyEight(end - 8, to: q + left - 8)
            return q + left - o
        }
        while p < end { encodeOne(&p, &q, mask: mask) }
        return q - o
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
    /// With `keepEscapedSlash`, an escaped `%2F` stays `%2F` while a literal `/` stays literal (a
    /// path whose segments are re-encoded one by one).
    @inline(__always) @inlinable static func writeReencoded(
        _ raw: UnsafeRawBufferPointer, to o: UnsafeMutablePointer<UInt8>, keepSlash: Bool,
        keepEscapedSlash: Bool = false, field: () -> String
    ) throws(SignetError) -> Int {
        guard let start = raw.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return 0 }
        let mask = literalMask(keepSlash: keepSlash)
        let decodedMask = literalMask(keepSlash: keepSlash && !keepEscapedSlash)
        var p = start
        let end = start + raw.count
        var q = o
        var blockEnd = start
        while p < end {
            // An escape may end past its block.
            if copiedLiteralBlock(&p, &q, end: end, blockEnd: &blockEnd, mask: mask) { continue }
            var b = p.pointee
            let c = byteClass(b)
            if c & mask == mask {
                q.pointee = b
                q += 1
                p += 1
                continue
            }
            if c == 0x25 {
                guard end - p > 2, let hi = hexValue(p[1]), let lo = hexValue(p[2]) else {
                    throw malformedEscape(raw, at: p - start, field: field())
                }
                b = hi << 4 | lo
                p += 3
                if byteClass(b) & decodedMask == decodedMask {
                    q.pointee = b
                    q += 1
                    continue
                }
            } else {
                p += 1
            }
            writeEscape(b, to: q)
            q += 3
        }
        return q - o
    }

    /// Writes a wire component at `o` with its `%XX` escapes decoded (`+` stays `+`); returns the
    /// bytes written (at most one per input byte).
    /// - Throws: `SignetError` naming `field` for a `%` not followed by two hex digits.
    @inline(__always) @inlinable static func writeDecoded(
        _ raw: UnsafeRawBufferPointer, to o: UnsafeMutablePointer<UInt8>, field: () -> String
    ) throws(SignetError) -> Int {
        guard let start = raw.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return 0 }
        var p = start
        let end = start + raw.count
        var q = o
        var blockEnd = start
        while p < end {
            // Only `%` lacks bit 6 of its class, so eight bytes without one are copied at once.
            if copiedLiteralBlock(&p, &q, end: end, blockEnd: &blockEnd, mask: 0x40) { continue }
            let b = p.pointee
            if b == 0x25 {
                guard end - p > 2, let hi = hexValue(p[1]), let lo = hexValue(p[2]) else {
                    throw malformedEscape(raw, at: p - start, field: field())
                }
                q.pointee = hi << 4 | lo
                p += 3
            } else {
                q.pointee = b
                p += 1
            }
            q += 1
        }
        return q - o
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
