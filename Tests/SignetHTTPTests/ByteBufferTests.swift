import SignetHTTP
import Testing

/// The engine's byte buffer: growth keeps earlier bytes, copies of earlier ranges survive a
/// reallocation, and the encoders match the shared percent-encoding rules.
struct ByteBufferTests {
    @Test func growsAndCopiesEarlierRanges() throws {
        var w = ByteBuffer(capacity: 1)
        defer { w.deallocate() }
        w.append("0123456789abcdefXYZ")
        let r = 0..<19
        for _ in 0..<200 { w.append(copyOf: r) }
        #expect(w.count == 19 * 201)
        #expect(w.string(w.count - 19..<w.count) == "0123456789abcdefXYZ")
        w.append(decimal: 604_800)
        w.append(decimal: 0)
        #expect(w.string(w.count - 7..<w.count) == "6048000")
    }

    @Test func encodersFollowRFC3986() throws {
        var w = ByteBuffer(capacity: 4)
        defer { w.deallocate() }
        w.appendPercentEncoded("a b+c/~é")
        #expect(w.string(0..<w.count) == "a%20b%2Bc%2F~%C3%A9")
        let start = w.count
        try Array("%7e%41+%2f x".utf8).withUnsafeBytes { try w.appendReencoded($0) }
        #expect(w.string(start..<w.count) == "~A%2B%2F%20x")
        #expect(throws: Error.self) { try Array("%zz".utf8).withUnsafeBytes { try w.appendReencoded($0) } }
    }
}

struct ByteBufferDecodingTests {
    @Test func decodesEscapesAndCopiesEncoded() throws {
        var w = ByteBuffer(capacity: 2)
        defer { w.deallocate() }
        try Array("/a%20b+c/%E6%B5%8B".utf8).withUnsafeBytes { try w.appendDecoded($0, field: "path") }
        #expect(w.string(0..<w.count) == "/a b+c/测")
        let decoded = 0..<w.count
        w.appendPercentEncodedCopy(of: decoded, keepSlash: true)
        #expect(w.string(decoded.upperBound..<w.count) == "/a%20b%2Bc/%E6%B5%8B")
        #expect(throws: SignetError.self) {
            try Array("%4".utf8).withUnsafeBytes { try w.appendDecoded($0, field: "path") }
        }
    }
}
