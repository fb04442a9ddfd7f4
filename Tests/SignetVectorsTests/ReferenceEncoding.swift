/// RFC 3986 percent-coding one byte at a time, written for the tests independently of the
/// library's tables: the expectation the fast coders and the object API are checked against.
enum ReferenceEncoding {
    static func encode(_ bytes: [UInt8], keepSlash: Bool = false) -> String {
        var out = ""
        for b in bytes {
            let c = Character(Unicode.Scalar(b))
            if (b < 0x80 && (c.isLetter || c.isNumber)) || "-._~".contains(c) || (keepSlash && b == 0x2f) {
                out.append(c)
            } else {
                out += "%" + String(b >> 4, radix: 16).uppercased() + String(b & 0x0f, radix: 16).uppercased()
            }
        }
        return out
    }

    static func encode(_ text: String, keepSlash: Bool = false) -> String {
        encode(Array(text.utf8), keepSlash: keepSlash)
    }

    /// Decodes well-formed escapes.
    static func decode(_ text: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        var i = 0
        while i < text.count {
            if text[i] == 0x25 {
                out.append(UInt8(String(decoding: text[i + 1...i + 2], as: UTF8.self), radix: 16)!)
                i += 3
            } else {
                out.append(text[i])
                i += 1
            }
        }
        return out
    }
}
