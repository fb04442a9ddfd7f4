/// An object as an application names it: host, object key and query parameters, none of them
/// percent-encoded. Signers encode each part once as they write it (a space as `%20`, `/` kept in
/// the key), so nothing is escaped by hand and no URL text is built and parsed first.
///
/// ```swift
/// let object = try ObjectLocation(
///     host: "examplebucket-1250000000.cos.ap-guangzhou.myqcloud.com", key: "photos/holiday 1.jpg",
///     query: [("response-content-type", "image/jpeg")])
/// ```
public struct ObjectLocation: RequestTarget, Sendable {
    /// `host[:port]` as given (a name or an IPv4 address).
    public let host: String
    /// The object key, not encoded (`photos/holiday 1.jpg`); it follows the path's leading `/`.
    public let key: String
    /// The query parameters in order, not encoded; a `nil` value is a bare `name`.
    public let query: [(name: String, value: String?)]
    /// `https` (the default) or `http`.
    public let isHTTPS: Bool
    /// The bytes of `host` that make the `Host` header: all of them, or the name alone when the port
    /// is the scheme's default.
    @usableFromInline let authorityCount: Int
    /// About how many bytes the parts take written out (for sizing buffers).
    public let byteCountEstimate: Int

    /// - Throws: `SignetError` for an empty or malformed host, a bad port or an empty parameter name.
    public init(host: String, key: String, query: [(name: String, value: String?)] = [], https: Bool = true) throws {
        var host = host
        host.makeContiguousUTF8()
        authorityCount = try ObjectLocation.authorityCount(host: host, https: https)
        var contiguous = true
        var estimate = host.utf8.count + key.utf8.count + 12
        for (index, item) in query.enumerated() {
            if item.name.isEmpty {
                throw SignetError("query", "parameter #\(index + 1) has an empty name", allowed: "name or name=value")
            }
            contiguous = contiguous && item.name.isContiguousUTF8 && (item.value?.isContiguousUTF8 ?? true)
            estimate += item.name.utf8.count + (item.value?.utf8.count ?? 0) + 2
        }
        var key = key
        key.makeContiguousUTF8()
        self.host = host
        self.key = key
        self.byteCountEstimate = estimate
        // Bridged strings are copied once here, so that the signers can borrow every string's bytes.
        if contiguous {
            self.query = query
        } else {
            self.query = query.map { item in
                var name = item.name
                name.makeContiguousUTF8()
                var value = item.value
                value?.makeContiguousUTF8()
                return (name, value)
            }
        }
        self.isHTTPS = https
    }

    /// Checks `host[:port]`; returns how many of its bytes make the `Host` header.
    static func authorityCount(host: String, https: Bool) throws -> Int {
        let scanned = host.utf8.withContiguousStorageIfAvailable { scanAuthority($0, https: https) }!
        switch scanned {
        case 0...: return scanned
        case -1:
            throw SignetError("host", "is empty", allowed: "a host name such as bucket.cos.ap-guangzhou.myqcloud.com")
        case -2:
            throw SignetError(
                "host", "\"\(host)\" has a port that is not valid", allowed: "HOST:PORT with PORT in 1...65535")
        case -3:
            throw SignetError("host", "\"\(host)\" has no name before the port", allowed: "HOST or HOST:PORT")
        default:
            throw SignetError(
                "host", "\"\(host)\" contains a character a host name cannot hold",
                allowed: "letters, digits, '-', '.', '_' and an optional :PORT (use punycode for international names)")
        }
    }

    /// The Host header's byte count for `host[:port]`, or what is wrong: -1 empty, -2 bad port,
    /// -3 no name, -4 a byte a host name cannot hold.
    private static func scanAuthority(_ b: UnsafeBufferPointer<UInt8>, https: Bool) -> Int {
        guard !b.isEmpty else { return -1 }
        // An optional `:PORT` at the end.
        var nameEnd = b.count
        var authority = b.count
        var k = b.count - 1
        while k >= 0, k >= b.count - 6, b[k] >= 0x30, b[k] <= 0x39 { k -= 1 }
        if k >= 0, b[k] == UInt8(ascii: ":") {
            var port = 0
            for d in b[(k + 1)...] { port = port * 10 + Int(d - 0x30) }
            guard k + 1 < b.count, b.count - k - 1 <= 5, (1...65535).contains(port) else { return -2 }
            nameEnd = k
            if port == (https ? 443 : 80) { authority = k }
        }
        guard nameEnd > 0 else { return -3 }
        var start = 0
        while nameEnd - start >= 8, RequestURL.classesOfEight(b, start) & 0x02 != 0 { start += 8 }
        let classes = RequestURL.byteClasses.utf8Start
        for i in start..<nameEnd where classes[Int(b[i])] & 0x02 == 0 { return -4 }
        return authority
    }

    @inlinable public var isWireForm: Bool { false }
    @inlinable public var queryItemCount: Int { query.count }

    /// `host[:port]`, without the scheme's default port.
    @inlinable public func withAuthority<R, E: Error>(_ body: (UnsafeRawBufferPointer) throws(E) -> R) throws(E) -> R {
        let count = authorityCount
        return try withContiguousUTF8(host) { (b) throws(E) in
            try body(UnsafeRawBufferPointer(start: b.baseAddress, count: count))
        }
    }

    @inlinable public func appendDecodedPath(to out: inout ByteBuffer) throws {
        out.append(UInt8(ascii: "/"))
        out.append(utf8: key)
    }

    @inlinable public func appendWirePath(to out: inout ByteBuffer) {
        out.append(UInt8(ascii: "/"))
        withContiguousUTF8(key) { out.appendPercentEncoded($0, keepSlash: true) }
    }

    public func withWirePath<R>(_ body: (UnsafeRawBufferPointer) throws -> R) throws -> R {
        var path = ByteBuffer(capacity: key.utf8.count * 3 + 1)
        defer { path.deallocate() }
        appendWirePath(to: &path)
        return try body(path.bytes(0..<path.count))
    }

    @inlinable public func forEachQueryItem<E: Error>(
        _ body: (_ name: UnsafeRawBufferPointer, _ value: UnsafeRawBufferPointer?) throws(E) -> Void
    ) throws(E) {
        for item in query {
            try withContiguousUTF8(item.name) { (name) throws(E) in
                if let value = item.value {
                    try withContiguousUTF8(value) { (value) throws(E) in try body(name, value) }
                } else {
                    try body(name, nil)
                }
            }
        }
    }

}
