import SignetHTTP
import SignetTestSupport
import Testing

/// `ByteBuffer.append(decimal:)` writes two digits per division from a digit-pair table. Every
/// expectation here is the standard library's own decimal text (`String(value)`), with negative
/// values written as "0".
struct DecimalTests {
    /// What the method must write: the stdlib's decimal text, "0" for a negative value.
    static func expected(_ value: Int64) -> String { value < 0 ? "0" : String(value) }

    /// The text `append(decimal:)` writes for `value` into a buffer of its own.
    static func written(_ value: Int64) -> String {
        var w = ByteBuffer(capacity: 8)
        defer { w.deallocate() }
        w.append(decimal: value)
        return w.string(0..<w.count)
    }

    /// Fixed edge values: digit-count boundaries, every power of ten and power of ten minus one
    /// that fits in Int64, and the extremes.
    static let edgeValues: [Int64] = {
        var values: [Int64] = [
            0, 1, 2, 9, 10, 11, 19, 20, 42, 89, 90, 98, 99, 100, 101, 109, 110, 199, 999, 1000, 1001, 3600, 9_999,
            10_000, 86_400, 604_800, 1_718_201_699, 1_700_000_000, 9_999_999_999, 10_000_000_000, 253_402_300_799,
            Int64.max, Int64.max - 1, Int64(Int32.max), Int64(UInt32.max),
        ]
        var p: Int64 = 1
        while true {
            values.append(p)
            values.append(p - 1)
            values.append(p + 1)
            let (next, overflow) = p.multipliedReportingOverflow(by: 10)
            if overflow { break }
            p = next
        }
        return values
    }()

    /// Seeded random values of random magnitudes: by bit width, and by digit count (1…19).
    static func randomValues(count: Int, seed: UInt64) -> [Int64] {
        var g = SplitMix64(state: seed)
        var out: [Int64] = []
        out.reserveCapacity(count)
        while out.count < count {
            if g.next() & 1 == 0 {
                // A random bit width 1…63 (non-negative).
                let bits = Int(g.next() % 63) + 1
                out.append(Int64(g.next() >> UInt64(64 - bits)))
            } else {
                // A random digit count 1…19: uniform in [10^(d-1), 10^d) (capped at Int64.max).
                let digits = Int(g.next() % 19) + 1
                var low: Int64 = 1
                for _ in 1..<digits { low *= 10 }
                let high: Int64 = digits == 19 ? Int64.max : low * 10 - 1
                let span = UInt64(high - low) + 1
                out.append(low + Int64(g.next() % span))
            }
        }
        return out
    }

    @Test func edgeValuesMatchTheStandardLibrary() {
        for value in Self.edgeValues {
            #expect(Self.written(value) == String(value), "value \(value)")
        }
        // Spot-check the expectation itself against literal text for a few values.
        #expect(Self.written(0) == "0")
        #expect(Self.written(100) == "100")
        #expect(Self.written(604_800) == "604800")
        #expect(Self.written(Int64.max) == "9223372036854775807")
    }

    @Test func everyValueBelowTenThousandMatches() {
        // Every pair of the table, in every position of a short number.
        for value in Int64(0)..<10_000 {
            #expect(Self.written(value) == String(value), "value \(value)")
        }
    }

    @Test func seededRandomValuesMatchTheStandardLibrary() {
        let values = Self.randomValues(count: 5_000, seed: 0x5167_4E54_4445_4349)
        // The generator really covers every digit count.
        #expect(Set(values.map { String($0).count }) == Set(1...19))
        for value in values {
            #expect(Self.written(value) == String(value), "value \(value)")
        }
    }

    @Test func negativeValuesAreWrittenAsZero() {
        var g = SplitMix64(state: 7)
        var negatives: [Int64] = [-1, -9, -10, -99, -100, -1_000_000, Int64.min, Int64.min + 1]
        for _ in 0..<500 { negatives.append(Int64(bitPattern: g.next() | (1 << 63))) }
        for value in negatives {
            #expect(Self.written(value) == "0", "value \(value)")
        }
    }

    @Test func numbersBackToBackGrowTheBuffer() {
        // Everything into one small buffer (it starts at its minimum size and must grow many times),
        // with no separators: a wrong digit count would shift every later number.
        let values = Self.edgeValues + Self.randomValues(count: 2_000, seed: 99) + [-5, 12, Int64.min, 7]
        var w = ByteBuffer(capacity: 8)
        defer { w.deallocate() }
        for value in values { w.append(decimal: value) }
        let expected = values.map(Self.expected).joined()
        #expect(w.count == expected.utf8.count)
        #expect(w.string(0..<w.count) == expected)
    }

    @Test func aNumberThatCrossesTheCapacityEdgeIsWhole() {
        // A buffer of the minimum capacity (64) filled to just before, at and past its end, then a
        // number: the number's bytes straddle the point where the buffer has to grow.
        let values: [Int64] = [7, 42, 999, 123_456_789, 9_999_999_999, Int64.max, -3]
        for prefix in 40...70 {
            for value in values {
                var w = ByteBuffer(capacity: 8)
                defer { w.deallocate() }
                let filler = String(repeating: "x", count: prefix)
                w.append(utf8: filler)
                w.append(decimal: value)
                w.append(UInt8(ascii: ";"))
                w.append(decimal: value)
                let expected = filler + Self.expected(value) + ";" + Self.expected(value)
                #expect(w.string(0..<w.count) == expected, "prefix \(prefix), value \(value)")
            }
        }
    }
}
