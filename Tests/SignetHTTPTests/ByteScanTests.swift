import SignetHTTP
import Testing

/// The word-at-a-time byte scans against a byte-at-a-time reference: every byte value at every
/// position of windows that straddle the eight-byte steps.
struct ByteScanTests {
    @Test func uppercaseScanAgreesWithAByteAtATimeScan() {
        var w = ByteBuffer(capacity: 64)
        defer { w.deallocate() }
        var rng = SystemRandomNumberGenerator()
        for length in 0...20 {
            for position in 0..<max(length, 1) {
                for value in UInt8.min...UInt8.max {
                    w.truncate(to: 0)
                    // Filler without capitals: lower-case letters, digits and bytes >= 0x80.
                    for _ in 0..<length {
                        let filler: [UInt8] = [0x61, 0x7a, 0x30, 0x40, 0x5b, 0x80, 0xc1, 0xda, 0xff]
                        w.append(filler.randomElement(using: &rng)!)
                    }
                    if length > 0 {
                        w.truncate(to: position)
                        w.append(value)
                        while w.count < length { w.append(UInt8(ascii: "q")) }
                    }
                    let expected = (0..<w.count).contains { w[$0] >= 0x41 && w[$0] <= 0x5a }
                    #expect(
                        w.containsUppercase(0..<w.count) == expected, "length \(length), byte \(value) at \(position)")
                }
            }
        }
    }

    @Test func piecesOfEveryShortLengthAreCopiedExactly() {
        var w = ByteBuffer(capacity: 4)
        defer { w.deallocate() }
        var expected: [UInt8] = []
        for length in 0...40 {
            let piece = (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ length) }
            piece.withUnsafeBytes { w.append($0) }
            expected += piece
            // The same bytes again, copied from inside the buffer.
            w.append(copyOf: w.count - length..<w.count)
            expected += piece
        }
        #expect(Array(UnsafeRawBufferPointer(w.bytes(0..<w.count))) == expected)
    }

    @Test func encodedNamesListEncodesOnlyThePercentSign() {
        ByteBuffer.withScratch(capacity: 256) { w in
            BufferPairs.with(capacity: 3) { pairs in
                for name in ["a%2Fb", "plain-name", "x%25y"] {
                    let start = w.count
                    w.append(utf8: name)
                    pairs.append(name: start..<w.count, value: w.count..<w.count)
                }
                let start = w.count
                w.append(encodedNamesOf: pairs)
                #expect(w.string(start..<w.count) == "a%252Fb%3Bplain-name%3Bx%2525y")
            }
        }
    }
}
