#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// An absolute `http`/`https` URL as it goes on the wire, split into the parts signing needs.
///
/// Parsing is a single scan over the UTF-8 bytes; components are kept as ranges into the
/// original text, so nothing is decoded or copied until a signer asks for it. `+` is a literal
/// plus everywhere (RFC 3986): write a space as `%20`.
public struct RequestURL: Sendable, CustomStringConvertible {
    /// One `name[=value]` item of the query, as byte offsets into `text`.
    public struct RawQueryItem: Sendable {
        /// An item from its offsets.
        @inlinable public init(nameStart: Int, nameEnd: Int, valueStart: Int?, valueEnd: Int) {
            self.nameStart = nameStart
            self.nameEnd = nameEnd
            self.valueStart = valueStart
            self.valueEnd = valueEnd
        }
        public let nameStart: Int
        public let nameEnd: Int
        /// Offsets of the value; `nil` when the item has no `=`.
        public let valueStart: Int?
        public let valueEnd: Int
    }

    /// The URL text as given.
    public let text: String
    /// True for `https`.
    public let isHTTPS: Bool
    @usableFromInline let hostRange: Range<Int>
    /// `host[:port]` as it stands in the text; the port is left out when it is the scheme's default.
    @usableFromInline let authorityRange: Range<Int>
    /// The port when the URL names one that is not the scheme's default.
    public let port: Int?
    @usableFromInline let pathRange: Range<Int>
    @usableFromInline let queryRange: Range<Int>?
    /// The number of query items.
    public let queryItemCount: Int

    public var description: String { text }

    /// `http` or `https`.
    public var scheme: String { isHTTPS ? "https" : "http" }

    /// The host as given (a name, IPv4 address or bracketed IPv6 address).
    public var host: String { withBytes { String(decoding: $0[hostRange], as: UTF8.self) } }

    /// `host[:port]`, the value of the `Host` header.
    public var authority: String { withBytes { String(decoding: $0[authorityRange], as: UTF8.self) } }

    /// Calls `body` with the bytes of `host[:port]` (no copy).
    @inlinable public func withAuthority<R, E: Error>(_ body: (UnsafeRawBufferPointer) throws(E) -> R) throws(E) -> R {
        try withBytes { (b) throws(E) in try body(UnsafeRawBufferPointer(rebasing: b[authorityRange])) }
    }

    /// Parses and validates an absolute URL.
    /// - Throws: `SignetError` naming the part that is wrong.
    public init(_ text: String, field: String = "url") throws {
        var text = text
        text.makeContiguousUTF8()
        self.text = text
        let parsed = try text.utf8.withContiguousStorageIfAvailable { try Self.parse($0, field: field) }!
        isHTTPS = parsed.https
        hostRange = parsed.host
        authorityRange = parsed.authority
        port = parsed.port
        pathRange = parsed.path
        queryRange = parsed.query
        queryItemCount = parsed.itemCount
    }

    /// The query items in URL order.
    public var rawQueryItems: [RawQueryItem] {
        var items: [RawQueryItem] = []
        items.reserveCapacity(queryItemCount)
        forEachQueryItemRange { items.append($0) }
        return items
    }

    /// Calls `body` with each query item's offsets, in URL order (no allocation).
    @inlinable public func forEachQueryItemRange<E: Error>(_ body: (RawQueryItem) throws(E) -> Void) throws(E) {
        guard let query = queryRange else { return }
        try withBytes { (b) throws(E) in
            let base = b.baseAddress!
            let end = query.upperBound
            var start = query.lowerBound
            while start <= end {
                var stop = end
                if start < end, let amp = memchr(base + start, 0x26, end &- start) {
                    stop = UnsafeRawPointer(amp) - base
                }
                if stop > start {
                    var equals = -1
                    if let eq = memchr(base + start, 0x3d, stop &- start) { equals = UnsafeRawPointer(eq) - base }
                    try body(
                        RawQueryItem(
                            nameStart: start, nameEnd: equals >= 0 ? equals : stop,
                            valueStart: equals >= 0 ? equals &+ 1 : nil, valueEnd: stop))
                }
                start = stop &+ 1
            }
        }
    }

    /// Calls `body` with each query item's name and value bytes (`nil` value without `=`), in URL
    /// order (no allocation).
    @inlinable public func forEachQueryItem<E: Error>(
        _ body: (_ name: UnsafeRawBufferPointer, _ value: UnsafeRawBufferPointer?) throws(E) -> Void
    ) throws(E) {
        try withBytes { (b) throws(E) in
            try forEachQueryItemRange { (item) throws(E) in
                try body(
                    UnsafeRawBufferPointer(rebasing: b[item.nameStart..<item.nameEnd]),
                    item.valueStart.map { UnsafeRawBufferPointer(rebasing: b[$0..<item.valueEnd]) })
            }
        }
    }

    /// Calls `body` with the URL's UTF-8 bytes.
    @inlinable public func withBytes<R, E: Error>(_ body: (UnsafeRawBufferPointer) throws(E) -> R) throws(E) -> R {
        try withContiguousUTF8(text, body)
    }

    /// The path exactly as on the wire (`/` when the URL has none).
    public var rawPath: String {
        pathRange.isEmpty ? "/" : withBytes { String(decoding: $0[pathRange], as: UTF8.self) }
    }

    /// The query text after `?`, or nil.
    public var rawQuery: String? {
        queryRange.map { r in withBytes { String(decoding: $0[r], as: UTF8.self) } }
    }

    /// Calls `body` with the raw path bytes (`/` when the URL has none).
    @inlinable public func withRawPath<R, E: Error>(_ body: (UnsafeRawBufferPointer) throws(E) -> R) throws(E) -> R {
        if pathRange.isEmpty {
            let slash: StaticString = "/"
            return try body(UnsafeRawBufferPointer(start: slash.utf8Start, count: 1))
        }
        return try withBytes { (b) throws(E) in try body(UnsafeRawBufferPointer(rebasing: b[pathRange])) }
    }

    /// The path with its percent-escapes decoded: the object key with its leading `/`.
    public func decodedPath() throws -> [UInt8] {
        var out = [UInt8]()
        try withRawPath { try PercentEncoding.appendDecoded($0, to: &out, field: "url path") }
        return out
    }

    /// The query items decoded (names and values as strings; `nil` value when there is no `=`).
    public func decodedQueryItems() throws -> [(name: String, value: String?)] {
        func decoded(_ raw: UnsafeRawBufferPointer) throws -> String {
            var out = [UInt8]()
            try PercentEncoding.appendDecoded(raw, to: &out, field: "url query")
            return String(decoding: out, as: UTF8.self)
        }
        var items: [(name: String, value: String?)] = []
        items.reserveCapacity(queryItemCount)
        try forEachQueryItem { name, value in items.append((try decoded(name), try value.map(decoded))) }
        return items
    }

    /// `scheme://authority`.
    public var origin: String { "\(scheme)://\(authority)" }

    // MARK: - Parsing

    private struct Parsed {
        var https: Bool
        var host: Range<Int>
        var authority: Range<Int>
        var port: Int?
        var path: Range<Int>
        var query: Range<Int>?
        var itemCount: Int
    }

    private static func parse(_ b: UnsafeBufferPointer<UInt8>, field: String) throws -> Parsed {
        let n = b.count
        guard n > 0 else { throw SignetError(field, "is empty", allowed: "an absolute http:// or https:// URL") }
        // scheme
        let https: Bool
        var i: Int
        if n >= 8, b[0] | 0x20 == 0x68, b[1] | 0x20 == 0x74, b[2] | 0x20 == 0x74, b[3] | 0x20 == 0x70,
            b[4] | 0x20 == 0x73, b[5] == 0x3a, b[6] == 0x2f, b[7] == 0x2f
        {
            https = true
            i = 8
        } else if n >= 7, b[0] | 0x20 == 0x68, b[1] | 0x20 == 0x74, b[2] | 0x20 == 0x74, b[3] | 0x20 == 0x70,
            b[4] == 0x3a, b[5] == 0x2f, b[6] == 0x2f
        {
            https = false
            i = 7
        } else {
            var colon = 0
            while colon < n, b[colon] != 0x3a, b[colon] != 0x2f { colon += 1 }
            guard colon < n, b[colon] == 0x3a, colon + 2 < n, b[colon + 1] == 0x2f, b[colon + 2] == 0x2f else {
                throw SignetError(
                    field, "is not an absolute URL (no \"scheme://\")", allowed: "http://HOST/PATH or https://HOST/PATH"
                )
            }
            let scheme = String(decoding: UnsafeBufferPointer(rebasing: b[0..<colon]), as: UTF8.self).lowercased()
            throw SignetError(field, "scheme \"\(scheme)\" is not supported", allowed: "http or https")
        }
        // authority: host[:port], up to the path, query or fragment
        let hostStart = i
        var hostEnd = -1
        var portStart = -1
        var bracket = false
        if i < n, b[i] == 0x5b {  // [IPv6]
            bracket = true
            while i < n, b[i] != 0x5d, b[i] != 0x2f { i += 1 }
            guard i < n, b[i] == 0x5d else {
                throw SignetError(field, "IPv6 host has no closing ]", allowed: "[address]:port")
            }
            i += 1
            hostEnd = i
        }
        if !bracket {
            while n &- i >= 8, classesOfEight(b, i) & 0x02 != 0 { i &+= 8 }
        }
        while i < n {
            let c = b[i]
            if c == 0x2f || c == 0x3f || c == 0x23 { break }
            if c == 0x40 {
                throw SignetError(
                    field, "contains user information before the host", allowed: "no user:password@ in signed URLs")
            }
            if c == 0x3a, portStart < 0 {
                if hostEnd < 0 { hostEnd = i }
                portStart = i + 1
            } else if portStart < 0 {
                if bracket {
                    throw SignetError(field, "unexpected text after the IPv6 host", allowed: "[address]:port")
                }
                let l = c | 0x20
                let ok = (l >= 0x61 && l <= 0x7a) || (c >= 0x30 && c <= 0x39) || c == 0x2d || c == 0x2e || c == 0x5f
                if !ok { throw badCharacter(b, at: i, field: field, inHost: true) }
            }
            i += 1
        }
        let authorityEnd = i
        if hostEnd < 0 { hostEnd = authorityEnd }
        guard hostEnd > hostStart else { throw SignetError(field, "has no host", allowed: "https://HOST/PATH") }
        var port: Int?
        var authority = hostStart..<authorityEnd
        if portStart >= 0 {
            var p = 0
            var digits = 0
            for k in portStart..<authorityEnd {
                let c = b[k]
                guard c >= 0x30, c <= 0x39, digits < 5 else {
                    p = -1
                    break
                }
                p = p * 10 + Int(c - 0x30)
                digits += 1
            }
            guard p >= 1, p <= 65535, digits > 0 else {
                let text = String(decoding: UnsafeBufferPointer(rebasing: b[portStart..<authorityEnd]), as: UTF8.self)
                throw SignetError(field, "port \"\(text)\" is not valid", allowed: "1...65535")
            }
            if (https && p == 443) || (!https && p == 80) {
                authority = hostStart..<hostEnd
            } else {
                port = p
            }
        }
        // path, then query: visible characters only, escapes checked
        let pathStart = i
        var queryStart = -1
        var items = 0
        var itemStart = -1
        var equals = -1
        let classes = byteClasses.utf8Start
        scan: do {
            while i < n {
                // Most bytes are ordinary: skip eight at a time, then one table load each.
                while n &- i >= 8, classesOfEight(b, i) & 0x01 != 0 { i &+= 8 }
                while i < n, classes[Int(b[i])] & 0x01 != 0 { i &+= 1 }
                guard i < n else { break }
                switch b[i] {
                case 0x23: break scan
                case 0x25:
                    guard i + 2 < n, PercentEncoding.hexValue(b[i + 1]) != nil,
                        PercentEncoding.hexValue(b[i + 2]) != nil
                    else {
                        let base = queryStart >= 0 ? queryStart : pathStart
                        throw PercentEncoding.malformedEscape(
                            UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: b[base..<n])), at: i - base,
                            field: "\(field) \(queryStart >= 0 ? "query" : "path")")
                    }
                case 0x3f:
                    if queryStart < 0 {
                        queryStart = i + 1
                        itemStart = i + 1
                    }
                case 0x26:
                    if queryStart >= 0 {
                        try closeItem(&items, itemStart, equals, i, field: field)
                        itemStart = i + 1
                        equals = -1
                    }
                case 0x3d:
                    if queryStart >= 0 && equals < 0 { equals = i }
                default: throw badCharacter(b, at: i, field: field, inHost: false)
                }
                i &+= 1
            }
        }
        // The fragment is never sent, but it must not hide control characters either.
        var f = i
        while f < n {
            if b[f] <= 0x20 || b[f] == 0x7f { throw badCharacter(b, at: f, field: field, inHost: false) }
            f += 1
        }
        var query: Range<Int>?
        let pathEnd = queryStart >= 0 ? queryStart - 1 : i
        if queryStart >= 0 {
            query = queryStart..<i
            try closeItem(&items, itemStart, equals, i, field: field)
        }
        return Parsed(
            https: https, host: hostStart..<hostEnd, authority: authority, port: port, path: pathStart..<pathEnd,
            query: query, itemCount: items)
    }

    /// One class per byte value, as bits so that eight bytes can be tested with one AND: bit 0 an
    /// ordinary path or query byte, bit 1 a host-name byte (`C` both, `A` ordinary only). `@` marks
    /// the bytes the scan looks at one by one: `#`, `%`, `?`, `&`, `=` and the bytes never allowed
    /// (control bytes, space, DEL).
    @usableFromInline static let byteClasses: StaticString =
        "@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@AA@A@@AAAAAACCACCCCCCCCCCAAA@A@ACCCCCCCCCCCCCCCCCCCCCCCCCCAAAACACCCCCCCCCCCCCCCCCCCCCCCCCCAAAA@AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"

    /// The AND of the classes of the eight bytes at `b[i]`.
    @inline(__always) static func classesOfEight(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> UInt8 {
        let t = byteClasses.utf8Start
        let p = b.baseAddress! + i
        return t[Int(p[0])] & t[Int(p[1])] & t[Int(p[2])] & t[Int(p[3])] & t[Int(p[4])] & t[Int(p[5])]
            & t[Int(p[6])] & t[Int(p[7])]
    }

    /// Checks one query item and counts it (an empty item, as in `a&&b`, is skipped).
    private static func closeItem(_ items: inout Int, _ start: Int, _ equals: Int, _ end: Int, field: String) throws {
        guard end > start else { return }
        if equals == start {
            throw SignetError(field, "query item at byte \(start) has an empty name", allowed: "name or name=value")
        }
        items += 1
    }

    private static func badCharacter(_ b: UnsafeBufferPointer<UInt8>, at i: Int, field: String, inHost: Bool)
        -> SignetError
    {
        let c = b[i]
        if inHost && c > 0x20 && c != 0x7f {
            var end = i
            while end < b.count, b[end] != 0x2f, b[end] != 0x3a, b[end] != 0x3f { end += 1 }
            var start = i
            while start > 0, b[start - 1] != 0x2f { start -= 1 }
            let host = String(decoding: UnsafeBufferPointer(rebasing: b[start..<end]), as: UTF8.self)
            let shown = c < 0x80 ? "\"\(Character(Unicode.Scalar(c)))\"" : "a non-ASCII byte"
            return SignetError(
                field, "host \"\(host)\" contains \(shown)",
                allowed: "letters, digits, '-', '.', '_' (use punycode for international names)")
        }
        let what = c == 0x20 ? "a space" : (c == 0x0d || c == 0x0a ? "a CR/LF" : "a control character")
        return SignetError(
            field, "contains \(what) at byte \(i)",
            allowed: "a wire URL: percent-encode spaces as %20 and other special bytes as %XX")
    }

}
