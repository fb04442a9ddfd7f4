import SignetHTTP
import Testing

/// The hot path's building blocks: the per-thread scratch buffer, pair lists kept as offsets into
/// it, and the escaped-slash rule of the path coder. (The coders are checked against a reference
/// coder in SignetVectorsTests.)
struct ScratchAndPairsTests {
    @Test func anEscapedSlashCanStayEscapedInAPath() throws {
        var w = ByteBuffer(capacity: 8)
        defer { w.deallocate() }
        try Array("/a%2Fb/c%7e d%2f".utf8).withUnsafeBytes {
            try w.appendReencoded($0, keepSlash: true, keepEscapedSlash: true)
        }
        #expect(w.string(0..<w.count) == "/a%2Fb/c~%20d%2F")
        let start = w.count
        try Array("/a%2Fb".utf8).withUnsafeBytes { try w.appendReencoded($0, keepSlash: true) }
        #expect(w.string(start..<w.count) == "/a/b")
        #expect(throws: SignetError.self) {
            try Array("/abcdefgh%4".utf8).withUnsafeBytes { try w.appendReencoded($0, keepSlash: true) }
        }
    }

    @Test func scratchIsReusedAndNestedUseGetsItsOwnMemory() throws {
        let first = ByteBuffer.withScratch(capacity: 100) { w in
            w.append("outer")
            let inner = ByteBuffer.withScratch(capacity: 100) { v in
                v.append("inner")
                return v.string(0..<v.count)
            }
            // The nested buffer did not write over the outer one.
            #expect(w.string(0..<w.count) == "outer")
            return inner
        }
        #expect(first == "inner")
        // A buffer that outgrows the scratch block moves to the heap and keeps its bytes.
        let big = ByteBuffer.withScratch(capacity: 16) { w in
            for _ in 0..<5_000 { w.append("0123456789") }
            return w.string(w.count - 10..<w.count) + "/\(w.count)"
        }
        #expect(big == "0123456789/50000")
        // Larger than the block from the start: plain heap memory.
        let large = ByteBuffer.withScratch(capacity: 1 << 20) { w in
            w.append("x")
            return w.count
        }
        #expect(large == 1)
    }

    @Test func pairsSortByNameThenValueThenArrival() {
        ByteBuffer.withScratch(capacity: 256) { w in
            BufferPairs.with(capacity: 8) { pairs in
                for (n, v) in [("b", "2"), ("a", "9"), ("b", "1"), ("ab", ""), ("a", "9"), ("B", "0")] {
                    let ns = w.count
                    w.append(utf8: n)
                    let ne = w.count
                    w.append(utf8: v)
                    pairs.append(name: ns..<ne, value: ne..<w.count)
                }
                pairs.sort(in: w)
                let out = w.count
                w.append(pairs: pairs)
                #expect(w.string(out..<w.count) == "B=0&a=9&a=9&ab=&b=1&b=2")
                #expect(pairs[1].order < pairs[2].order)
                let names = w.count
                w.append(namesOf: pairs)
                #expect(w.string(names..<w.count) == "B;a;a;ab;b;b")
            }
        }
    }

    @Test func repeatedNamesJoinInArrivalOrder() {
        ByteBuffer.withScratch(capacity: 256) { w in
            BufferPairs.with(capacity: 8) { pairs in
                for (n, v) in [("x-cos-a", "2"), ("host", "h"), ("x-cos-a", "1"), ("x-cos-a", "3")] {
                    let ns = w.count
                    w.append(utf8: n)
                    let ne = w.count
                    w.append(utf8: v)
                    pairs.append(name: ns..<ne, value: ne..<w.count)
                }
                pairs.sort(in: w, byValue: false)
                pairs.joinRepeatedNames(in: &w, separator: "%2C")
                let out = w.count
                w.append(pairs: pairs)
                #expect(pairs.count == 2)
                #expect(w.string(out..<w.count) == "host=h&x-cos-a=2%2C1%2C3")
                let encoded = w.count
                w.append(encodedNamesOf: pairs)
                #expect(w.string(encoded..<w.count) == "host%3Bx-cos-a")
            }
        }
    }

    @Test func queryItemsAreSplitOnDemand() throws {
        // An item with an empty name is refused when the URL is parsed.
        #expect(throws: SignetError.self) { try RequestURL("https://h.example/p?a=1&=v") }
        let ok = try RequestURL("https://h.example/p?a=1&&b&c=x=y&")
        var seen: [String] = []
        ok.forEachQueryItem { name, value in
            seen.append(
                String(decoding: name, as: UTF8.self) + (value.map { "=" + String(decoding: $0, as: UTF8.self) } ?? ""))
        }
        #expect(seen == ["a=1", "b", "c=x=y"])
        #expect(ok.queryItemCount == 3)
        #expect(ok.rawQueryItems.count == 3)
    }
}
