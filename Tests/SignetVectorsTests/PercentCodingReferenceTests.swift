import Signet
import Testing

/// The eight-bytes-at-a-time percent-coders against a coder that works one byte at a time.
struct PercentCodingReferenceTests {
    @Test func coderMatchesTheReferenceOnRandomInput() throws {
        var rng = SystemRandomNumberGenerator()
        let alphabet = Array("abcXYZ019-._~/ %+&=?#".utf8) + [0x00, 0x7f, 0xc3, 0xa9, 0xff]
        for _ in 0..<4_000 {
            let length = Int.random(in: 0...72, using: &rng)
            // Long literal runs exercise the eight-byte path; mixed ones the byte path.
            let literalRun = Bool.random(using: &rng)
            let bytes: [UInt8] = (0..<length).map { _ in
                literalRun && Int.random(in: 0..<10, using: &rng) > 0
                    ? Array("abcdefghXYZ0129".utf8).randomElement(using: &rng)!
                    : alphabet.randomElement(using: &rng)!
            }
            for keepSlash in [false, true] {
                var w = ByteBuffer(capacity: 1)
                defer { w.deallocate() }
                bytes.withUnsafeBytes { w.appendPercentEncoded($0, keepSlash: keepSlash) }
                let encoded = w.string(0..<w.count)
                #expect(encoded == ReferenceEncoding.encode(bytes, keepSlash: keepSlash), "\(bytes)")
                // Decoding the encoded form gives the bytes back; re-encoding it changes nothing.
                let start = w.count
                try Array(encoded.utf8).withUnsafeBytes { try w.appendDecoded($0, field: "t") }
                #expect(Array(UnsafeRawBufferPointer(w.bytes(start..<w.count))) == bytes)
                let again = w.count
                try Array(encoded.utf8).withUnsafeBytes { try w.appendReencoded($0, keepSlash: keepSlash) }
                #expect(w.string(again..<w.count) == encoded)
                #expect(ReferenceEncoding.decode(Array(encoded.utf8)) == bytes)
            }
        }
    }
}
