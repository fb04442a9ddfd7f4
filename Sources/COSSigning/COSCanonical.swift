import SignetCrypto
import SignetHTTP

/// The stages of the COS XML signature (`q-sign-algorithm=sha1`), each testable alone:
/// HttpString → StringToSign → SignKey → Signature → Authorization.
public enum COSCanonical {
    /// `lower(method)\npath\nparams\nheaders\n`, with `path` the decoded key and the pair lists
    /// already encoded and sorted.
    public static func writeHttpString(
        method: String, decodedPath: UnsafeRawBufferPointer, parameters: EncodedPairs, headers: EncodedPairs,
        into out: inout [UInt8]
    ) {
        for c in method.utf8 { out.append(c >= 0x41 && c <= 0x5a ? c | 0x20 : c) }
        out.append(0x0a)
        out.append(contentsOf: decodedPath)
        out.append(0x0a)
        parameters.writePairs(into: &out)
        out.append(0x0a)
        headers.writePairs(into: &out)
        out.append(0x0a)
    }

    /// `sha1\nKeyTime\nsha1hex(HttpString)\n`.
    public static func writeStringToSign(keyTime: KeyTime, httpString: UnsafeRawBufferPointer, into out: inout [UInt8])
    {
        out.append(utf8: "sha1\n")
        keyTime.write(into: &out)
        out.append(0x0a)
        let digest = Hasher<SHA1>.hash(httpString)
        let start = out.count
        out.append(contentsOf: repeatElement(0, count: 40))
        out.withUnsafeMutableBufferPointer { o in digest.withUnsafeBytes { Hex.write($0, into: o.baseAddress! + start) }
        }
        out.append(0x0a)
    }

    /// `sha1\nKeyTime\nsha1hex(HttpString)\n` as a string.
    public static func stringToSign(keyTime: KeyTime, httpString: String) -> String {
        var out = [UInt8]()
        var h = httpString
        h.withUTF8 { writeStringToSign(keyTime: keyTime, httpString: UnsafeRawBufferPointer($0), into: &out) }
        return String(decoding: out, as: UTF8.self)
    }

    /// SignKey: hex HMAC-SHA1 of the SecretKey over `start;end`.
    public static func signKey(secretKey: String, keyTime: KeyTime) -> String {
        signKey(secretKeyMAC: HMACKey<SHA1>(key: secretKey), keyTime: keyTime)
    }

    /// SignKey from a pre-keyed SecretKey state.
    public static func signKey(secretKeyMAC: HMACKey<SHA1>, keyTime: KeyTime) -> String {
        var text = [UInt8]()
        keyTime.write(into: &text)
        return secretKeyMAC.authenticate(text).hex
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
