import SignetHTTP

extension SigV4Canonical {
    /// The canonical URI of a wire path.
    ///
    /// - `normalizePath`: remove `.` and `..` segments and collapse empty ones (`//`), keeping a
    ///   trailing `/` (RFC 3986 §5.2.4 plus the AWS rule for empty segments).
    /// - `doubleEncode == false` (S3): every `%XX` is decoded and the byte encoded again canonically,
    ///   so equivalent spellings sign the same (`%2F` stays `%2F`, `%7e` becomes `~`, `$` becomes `%24`).
    /// - `doubleEncode == true` (other services): the wire path is encoded once more, so `%` becomes `%25`.
    ///
    /// - Throws: `SignetError` for a malformed percent-escape.
    public static func canonicalURI(rawPath: String, normalizePath: Bool, doubleEncode: Bool) throws -> String {
        var out = ByteBuffer(capacity: rawPath.utf8.count * 3 + 1)
        defer { out.deallocate() }
        var raw = rawPath.isEmpty ? "/" : rawPath
        try raw.withUTF8 {
            try appendCanonicalURI(
                UnsafeRawBufferPointer($0), normalizePath: normalizePath, doubleEncode: doubleEncode, to: &out)
        }
        return out.string(0..<out.count)
    }

    /// Appends the canonical URI of the raw (wire) path bytes.
    static func appendCanonicalURI(
        _ raw: UnsafeRawBufferPointer, normalizePath: Bool, doubleEncode: Bool, to out: inout ByteBuffer
    ) throws {
        if raw.isEmpty {
            out.append(UInt8(ascii: "/"))
            return
        }
        if normalizePath {
            let normalized = normalizedPath(raw)
            try normalized.withUnsafeBytes { try appendEncodedPath($0, doubleEncode: doubleEncode, to: &out) }
        } else {
            try appendEncodedPath(raw, doubleEncode: doubleEncode, to: &out)
        }
    }

    static func appendEncodedPath(_ raw: UnsafeRawBufferPointer, doubleEncode: Bool, to out: inout ByteBuffer) throws {
        if doubleEncode {
            out.appendPercentEncoded(raw, keepSlash: true)
        } else {
            try appendReencodedPath(raw, to: &out)
        }
    }

    /// Decodes each `%XX` and encodes the byte again; only a literal `/` stays a separator, so an
    /// escaped `%2F` stays `%2F`.
    static func appendReencodedPath(_ raw: UnsafeRawBufferPointer, to out: inout ByteBuffer) throws {
        try out.appendReencoded(raw, keepSlash: true, keepEscapedSlash: true, field: "url path")
    }

    /// The path with `.`/`..` segments resolved and empty segments removed; a trailing `/` (or a
    /// trailing `.`/`..` segment) keeps a trailing `/`.
    static func normalizedPath(_ raw: UnsafeRawBufferPointer) -> [UInt8] {
        var segments: [Range<Int>] = []
        var i = 0
        let n = raw.count
        var trailingSlash = false
        while i <= n {
            var e = i
            while e < n, raw[e] != UInt8(ascii: "/") { e += 1 }
            let length = e - i
            let isLast = e >= n
            if length == 0 || (length == 1 && raw[i] == UInt8(ascii: ".")) {
                if isLast { trailingSlash = true }
            } else if length == 2 && raw[i] == UInt8(ascii: ".") && raw[i + 1] == UInt8(ascii: ".") {
                if !segments.isEmpty { segments.removeLast() }
                if isLast { trailingSlash = true }
            } else {
                segments.append(i..<e)
                if isLast { trailingSlash = false }
            }
            i = e + 1
        }
        var out = [UInt8]()
        out.reserveCapacity(n + 1)
        for s in segments {
            out.append(UInt8(ascii: "/"))
            out.append(contentsOf: raw[s])
        }
        if segments.isEmpty || trailingSlash { out.append(UInt8(ascii: "/")) }
        return out
    }
}
