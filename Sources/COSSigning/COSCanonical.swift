import SignetCrypto
import SignetHTTP

/// The stages of the COS XML signature (`q-sign-algorithm=sha1`), each testable alone:
/// HttpString → StringToSign → SignKey → Signature → Authorization.
public enum COSCanonical {
    /// `lower(method)\npath\nparams\nheaders\n`, with the path the *decoded* wire path and the pair
    /// lists already encoded and sorted, their bytes earlier in `out`. Returns where the decoded path stands in `out`.
    /// - Throws: `SignetError` for a malformed percent-escape in the path.
    @discardableResult
    public static func writeHttpString(
        method: String, rawPath: UnsafeRawBufferPointer, parameters: BufferPairs, headers: BufferPairs,
        into out: inout ByteBuffer
    ) throws -> Range<Int> {
        try writeHttpString(method: method, parameters: parameters, headers: headers, into: &out) {
            try $0.appendDecoded(rawPath, field: "url path")
        }
    }

    /// The same, with the decoded path written by `path`.
    static func writeHttpString(
        method: String, parameters: BufferPairs, headers: BufferPairs, into out: inout ByteBuffer,
        path writePath: (inout ByteBuffer) throws -> Void
    ) throws -> Range<Int> {
        try writeHttpString(method: method, parameters: parameters, into: &out, path: writePath) {
            $0.append(pairs: headers)
        }
    }

    /// The same, with the header pairs written by `headers`.
    @inline(__always) static func writeHttpString(
        method: String, parameters: BufferPairs, into out: inout ByteBuffer,
        path writePath: (inout ByteBuffer) throws -> Void, headers writeHeaders: (inout ByteBuffer) -> Void
    ) throws -> Range<Int> {
        let methodStart = out.count
        out.append(utf8: method)
        out.lowercase(methodStart..<out.count)
        out.append(0x0a)
        let pathStart = out.count
        try writePath(&out)
        let path = pathStart..<out.count
        out.append(0x0a)
        out.append(pairs: parameters)
        out.append(0x0a)
        writeHeaders(&out)
        out.append(0x0a)
        return path
    }

    /// `sha1\nKeyTime\nsha1hex(HttpString)\n`. Returns where the window's start and end digits stand in
    /// `out`, so that later output can copy them instead of formatting them again. `httpString` may
    /// point into `out`: it is hashed before anything is written.
    @discardableResult
    public static func writeStringToSign(
        keyTime: KeyTime, httpString: UnsafeRawBufferPointer, into out: inout ByteBuffer
    )
        -> (start: Range<Int>, end: Range<Int>)
    {
        writeStringToSign(window: KeyTime.Text(keyTime), httpString: httpString, into: &out)
    }

    /// The same, with the window already written out as text.
    static func writeStringToSign(window: KeyTime.Text, httpString: UnsafeRawBufferPointer, into out: inout ByteBuffer)
        -> (start: Range<Int>, end: Range<Int>)
    {
        let digest = Hasher<SHA1>.hash(httpString)
        out.append("sha1\n")
        let startOffset = out.count
        window.withBytes { out.append($0) }
        let semicolon = startOffset + window.semicolon
        let end = out.count
        out.append(0x0a)
        digest.withUnsafeBytes { out.appendLowercaseHex($0) }
        out.append(0x0a)
        return (startOffset..<semicolon, semicolon + 1..<end)
    }

    /// `sha1\nKeyTime\nsha1hex(HttpString)\n` as a string.
    public static func stringToSign(keyTime: KeyTime, httpString: String) -> String {
        var out = ByteBuffer(capacity: 96)
        defer { out.deallocate() }
        var h = httpString
        _ = h.withUTF8 { writeStringToSign(keyTime: keyTime, httpString: UnsafeRawBufferPointer($0), into: &out) }
        return out.string(0..<out.count)
    }

    /// SignKey: hex HMAC-SHA1 of the SecretKey over `start;end`.
    public static func signKey(secretKey: String, keyTime: KeyTime) -> String {
        signKey(secretKeyMAC: HMACKey<SHA1>(key: secretKey), keyTime: keyTime)
    }

    /// SignKey from a pre-keyed SecretKey state.
    public static func signKey(secretKeyMAC: HMACKey<SHA1>, keyTime: KeyTime) -> String {
        signKeyDigest(secretKeyMAC: secretKeyMAC, keyTime: keyTime).hex
    }

    /// The SignKey's 20 bytes (its hex text is what keys the signature).
    public static func signKeyDigest(secretKeyMAC: HMACKey<SHA1>, keyTime: KeyTime) -> Digest {
        secretKeyMAC.authenticate(keyTime.description)
    }

    /// Signature: hex HMAC-SHA1 keyed with the SignKey's hex *text* over StringToSign.
    public static func signature(signKey: String, stringToSign: String) -> String {
        HMACKey<SHA1>(key: signKey).authenticate(stringToSign).hex
    }

    /// The Authorization value, fields in the documented order.
    public static func authorization(
        secretId: String, keyTime: KeyTime, headerList: String, parameterList: String, signature: String
    ) -> String {
        "q-sign-algorithm=sha1&q-ak=\(secretId)&q-sign-time=\(keyTime)&q-key-time=\(keyTime)"
            + "&q-header-list=\(headerList)&q-url-param-list=\(parameterList)&q-signature=\(signature)"
    }
}
