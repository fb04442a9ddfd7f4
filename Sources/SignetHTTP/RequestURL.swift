/// An absolute `http`/`https` URL as it goes on the wire, split into the parts signing needs.
///
/// Parsing is a single scan over the UTF-8 bytes; components are kept as ranges into the
/// original text, so nothing is decoded or copied until a signer asks for it. `+` is a literal
/// plus everywhere (RFC 3986): write a space as `%20`.
public struct RequestURL: Sendable, CustomStringConvertible {
    /// One `name[=value]` item of the query, as byte offsets into `text`.
    public struct RawQueryItem: Sendable {
        public let nameStart: Int
        public let nameEnd: Int
        /// Offsets of the value; `nil` when the item has no `=`.
        public let valueStart: Int?
        public let valueEnd: Int
    }

    /// The URL text as given.
    public let text: String
    /// `http` or `https`, lower-case.
    public let scheme: String
    /// The host as given (a name, IPv4 address or bracketed IPv6 address).
    public let host: String
    /// The port when the URL names one that is not the scheme's default.
    public let port: Int?
    @usableFromInline let pathRange: Range<Int>
    @usableFromInline let queryRange: Range<Int>?
    /// The query items in URL order.
    public let rawQueryItems: [RawQueryItem]

    public var description: String { text }

    /// `host[:port]`, the value of the `Host` header.
    public var authority: String { port.map { "\(host):\($0)" } ?? host }

    /// Parses and validates an absolute URL.
    /// - Throws: `SignetError` naming the part that is wrong.
    public init(_ text: String, field: String = "url") throws {
        var text = text
        text.makeContiguousUTF8()
        self.text = text
        let parsed = try text.utf8.withContiguousStorageIfAvailable { try Self.parse($0, field: field) }!
        scheme = parsed.scheme
        host = parsed.host
        port = parsed.port
        pathRange = parsed.path
        queryRange = parsed.query
        rawQueryItems = parsed.items
    }

    /// Calls `body` with the URL's UTF-8 bytes.
    @inlinable public func withBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try text.utf8.withContiguousStorageIfAvailable { try body(UnsafeRawBufferPointer($0)) }!
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
    @inlinable public func withRawPath<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        if pathRange.isEmpty {
            return try withUnsafeBytes(of: UInt8(ascii: "/")) { try body($0) }
        }
        return try withBytes { try body(UnsafeRawBufferPointer(rebasing: $0[pathRange])) }
    }

    /// The path with its percent-escapes decoded: the object key with its leading `/`.
    public func decodedPath() throws -> [UInt8] {
        var out = [UInt8]()
        try withRawPath { try PercentEncoding.appendDecoded($0, to: &out, field: "url path") }
        return out
    }

    /// The query items decoded (names and values as strings; `nil` value when there is no `=`).
    public func decodedQueryItems() throws -> [(name: String, value: String?)] {
        try withBytes { bytes in
            try rawQueryItems.map { item in
                var name = [UInt8]()
                try PercentEncoding.appendDecoded(
                    UnsafeRawBufferPointer(rebasing: bytes[item.nameStart..<item.nameEnd]), to: &name,
                    field: "url query")
                var value: String?
                if let vs = item.valueStart {
                    var v = [UInt8]()
                    try PercentEncoding.appendDecoded(
                        UnsafeRawBufferPointer(rebasing: bytes[vs..<item.valueEnd]), to: &v, field: "url query")
                    value = String(decoding: v, as: UTF8.self)
                }
                return (String(decoding: name, as: UTF8.self), value)
            }
        }
    }

    /// `scheme://authority`.
    public var origin: String { "\(scheme)://\(authority)" }

    // MARK: - Parsing

    private struct Parsed {
        var scheme: String
        var host: String
        var port: Int?
        var path: Range<Int>
        var query: Range<Int>?
        var items: [RawQueryItem]
    }

    private static func parse(_ b: UnsafeBufferPointer<UInt8>, field: String) throws -> Parsed {
        let n = b.count
        guard n > 0 else { throw SignetError(field, "is empty", allowed: "an absolute http:// or https:// URL") }
        for i in 0..<n where b[i] < 0x21 || b[i] == 0x7f {
            let what = b[i] == 0x20 ? "a space" : (b[i] == 0x0d || b[i] == 0x0a ? "a CR/LF" : "a control character")
            throw SignetError(
                field, "contains \(what) at byte \(i)",
                allowed: "a wire URL: percent-encode spaces as %20 and other special bytes as %XX")
        }
        // scheme
        var i = 0
        while i < n, b[i] != UInt8(ascii: ":"), b[i] != UInt8(ascii: "/") { i += 1 }
        guard i < n, b[i] == UInt8(ascii: ":"), i + 2 < n, b[i + 1] == UInt8(ascii: "/"), b[i + 2] == UInt8(ascii: "/")
        else {
            throw SignetError(
                field, "is not an absolute URL (no \"scheme://\")", allowed: "http://HOST/PATH or https://HOST/PATH")
        }
        let scheme = String(decoding: b[0..<i], as: UTF8.self).lowercased()
        guard scheme == "http" || scheme == "https" else {
            throw SignetError(field, "scheme \"\(scheme)\" is not supported", allowed: "http or https")
        }
        i += 3
        // authority
        let authorityStart = i
        while i < n, b[i] != UInt8(ascii: "/"), b[i] != UInt8(ascii: "?"), b[i] != UInt8(ascii: "#") { i += 1 }
        let authority = b[authorityStart..<i]
        if authority.contains(UInt8(ascii: "@")) {
            throw SignetError(
                field, "contains user information before the host", allowed: "no user:password@ in signed URLs")
        }
        var hostEnd = authority.endIndex
        var port: Int?
        if authority.first == UInt8(ascii: "[") {
            guard let close = authority.firstIndex(of: UInt8(ascii: "]")) else {
                throw SignetError(field, "IPv6 host has no closing ]", allowed: "[address]:port")
            }
            hostEnd = close + 1
            if hostEnd < authority.endIndex {
                guard b[hostEnd] == UInt8(ascii: ":") else {
                    throw SignetError(field, "unexpected text after the IPv6 host", allowed: "[address]:port")
                }
                port = try parsePort(b[(hostEnd + 1)..<authority.endIndex], field: field)
            }
        } else if let colon = authority.lastIndex(of: UInt8(ascii: ":")) {
            hostEnd = colon
            port = try parsePort(b[(colon + 1)..<authority.endIndex], field: field)
        }
        let hostBytes = b[authorityStart..<hostEnd]
        guard !hostBytes.isEmpty else { throw SignetError(field, "has no host", allowed: "https://HOST/PATH") }
        if hostBytes.first != UInt8(ascii: "[") {
            for c in hostBytes {
                let ok =
                    (c >= UInt8(ascii: "a") && c <= UInt8(ascii: "z"))
                    || (c >= UInt8(ascii: "A") && c <= UInt8(ascii: "Z"))
                    || (c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9")) || c == UInt8(ascii: "-")
                    || c == UInt8(ascii: ".") || c == UInt8(ascii: "_")
                guard ok else {
                    throw SignetError(
                        field,
                        "host \"\(String(decoding: hostBytes, as: UTF8.self))\" contains \"\(Character(Unicode.Scalar(c)))\"",
                        allowed: "letters, digits, '-', '.', '_' (use punycode for international names)")
                }
            }
        }
        let host = String(decoding: hostBytes, as: UTF8.self)
        if let p = port, (scheme == "http" && p == 80) || (scheme == "https" && p == 443) { port = nil }
        // path
        let pathStart = i
        while i < n, b[i] != UInt8(ascii: "?"), b[i] != UInt8(ascii: "#") { i += 1 }
        let path = pathStart..<i
        // query
        var query: Range<Int>?
        var items: [RawQueryItem] = []
        if i < n, b[i] == UInt8(ascii: "?") {
            i += 1
            let qs = i
            while i < n, b[i] != UInt8(ascii: "#") { i += 1 }
            query = qs..<i
            var s = qs
            while s < i {
                var e = s
                while e < i, b[e] != UInt8(ascii: "&") { e += 1 }
                if e > s {
                    var eq = s
                    while eq < e, b[eq] != UInt8(ascii: "=") { eq += 1 }
                    if eq == s {
                        throw SignetError(
                            field, "query item at byte \(s) has an empty name", allowed: "name or name=value")
                    }
                    items.append(
                        RawQueryItem(nameStart: s, nameEnd: eq, valueStart: eq < e ? eq + 1 : nil, valueEnd: e))
                }
                s = e + 1
            }
        }
        // Check escapes now, so later stages cannot fail halfway.
        try checkEscapes(b, path, field: "\(field) path")
        if let query { try checkEscapes(b, query, field: "\(field) query") }
        return Parsed(scheme: scheme, host: host, port: port, path: path, query: query, items: items)
    }

    private static func parsePort(_ digits: Slice<UnsafeBufferPointer<UInt8>>, field: String) throws -> Int {
        guard !digits.isEmpty, digits.count <= 5, digits.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }),
            let p = Int(String(decoding: digits, as: UTF8.self)), p >= 1, p <= 65535
        else {
            throw SignetError(
                field, "port \"\(String(decoding: digits, as: UTF8.self))\" is not valid", allowed: "1...65535")
        }
        return p
    }

    private static func checkEscapes(_ b: UnsafeBufferPointer<UInt8>, _ r: Range<Int>, field: String) throws {
        var i = r.lowerBound
        while i < r.upperBound {
            if b[i] == UInt8(ascii: "%") {
                guard i + 2 < r.upperBound, PercentEncoding.hexValue(b[i + 1]) != nil,
                    PercentEncoding.hexValue(b[i + 2]) != nil
                else {
                    throw PercentEncoding.malformedEscape(
                        UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: b[r])), at: i - r.lowerBound, field: field)
                }
                i += 3
            } else {
                i += 1
            }
        }
    }
}
