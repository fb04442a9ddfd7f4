#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Name/value pairs whose bytes are written into a `ByteBuffer`, indexed by offsets held in
/// temporary memory: the signing hot path builds, sorts and writes its parameter and header lists
/// without allocating. Sorting moves only the small index entries.
public struct BufferPairs {
    /// One pair: offsets of its name and value in the buffer, and its position in input order.
    public struct Pair: Sendable {
        /// Offsets of the name's bytes.
        public var nameStart: Int
        public var nameEnd: Int
        /// Offsets of the value's bytes.
        public var valueStart: Int
        public var valueEnd: Int
        /// Position in the order the pairs were added.
        public var order: Int

        @inlinable init(nameStart: Int, nameEnd: Int, valueStart: Int, valueEnd: Int, order: Int) {
            self.nameStart = nameStart
            self.nameEnd = nameEnd
            self.valueStart = valueStart
            self.valueEnd = valueEnd
            self.order = order
        }

        /// The name's range in the buffer.
        @inlinable public var name: Range<Int> { nameStart..<nameEnd }
        /// The value's range in the buffer.
        @inlinable public var value: Range<Int> { valueStart..<valueEnd }
    }

    @usableFromInline let slots: UnsafeMutablePointer<Pair>
    @usableFromInline let capacity: Int
    @usableFromInline var used = 0
    /// The number of pairs.
    @inlinable public var count: Int { used }

    @usableFromInline init(slots: UnsafeMutablePointer<Pair>, capacity: Int) {
        self.slots = slots
        self.capacity = capacity
    }

    /// Runs `body` with an empty list that has room for `capacity` pairs (on the stack when small).
    @inlinable public static func with<R, E: Error>(capacity: Int, _ body: (inout BufferPairs) throws(E) -> R)
        throws(E) -> R
    {
        try withUnsafeTemporaryAllocation(of: Pair.self, capacity: max(capacity, 1)) { (memory) throws(E) -> R in
            var pairs = BufferPairs(slots: memory.baseAddress!, capacity: memory.count)
            return try body(&pairs)
        }
    }

    /// Pair `i` in the current order.
    @inlinable public subscript(_ i: Int) -> Pair {
        precondition(i >= 0 && i < count, "BufferPairs index out of range")
        return slots[i]
    }

    /// Records a pair whose name and value were written at these offsets.
    @inlinable public mutating func append(name: Range<Int>, value: Range<Int>) {
        precondition(used < capacity, "BufferPairs is full")
        slots[used] = Pair(
            nameStart: name.lowerBound, nameEnd: name.upperBound, valueStart: value.lowerBound,
            valueEnd: value.upperBound, order: used)
        used += 1
    }

    /// Replaces the name range of pair `i` (for a rewritten copy of the name).
    public mutating func setName(_ i: Int, _ name: Range<Int>) {
        precondition(i >= 0 && i < used, "BufferPairs index out of range")
        slots[i].nameStart = name.lowerBound
        slots[i].nameEnd = name.upperBound
    }

    /// Keeps one pair per name, its value the values of that name joined by `separator` in list
    /// order (written at the end of `buffer`). The list must be sorted by name.
    public mutating func joinRepeatedNames(in buffer: inout ByteBuffer, separator: StaticString) {
        var kept = 0
        var i = 0
        while i < used {
            var pair = slots[i]
            var k = i + 1
            while k < used, buffer.bytes(slots[k].name).elementsEqual(buffer.bytes(pair.name)) { k += 1 }
            if k > i + 1 {
                let joined = buffer.count
                for j in i..<k {
                    if j > i { buffer.append(separator) }
                    buffer.append(copyOf: slots[j].value)
                }
                pair.valueStart = joined
                pair.valueEnd = buffer.count
            }
            slots[kept] = pair
            kept += 1
            i = k
        }
        used = kept
    }

    /// Removes the pairs for which `keep` is false, keeping the order of the rest.
    public mutating func removeAll(keeping keep: (Pair) throws -> Bool) rethrows {
        var kept = 0
        for i in 0..<count where try keep(slots[i]) {
            slots[kept] = slots[i]
            kept += 1
        }
        used = kept
    }

    /// Sorts by name, then value (`byValue`) or input order, comparing bytes as both signatures do.
    /// An insertion sort: the lists are short, and it needs no memory.
    @inlinable public mutating func sort(in buffer: ByteBuffer, byValue: Bool = true) {
        guard count > 1 else { return }
        for i in 1..<count {
            let item = slots[i]
            var j = i
            while j > 0, BufferPairs.precedes(item, slots[j - 1], in: buffer, byValue: byValue) {
                slots[j] = slots[j - 1]
                j -= 1
            }
            slots[j] = item
        }
    }

    @inlinable @inline(__always) static func precedes(_ a: Pair, _ b: Pair, in w: ByteBuffer, byValue: Bool) -> Bool {
        let c = EncodedPairs.compareBytes(w.bytes(a.name), w.bytes(b.name))
        if c != 0 { return c < 0 }
        if byValue {
            let d = EncodedPairs.compareBytes(w.bytes(a.value), w.bytes(b.value))
            if d != 0 { return d < 0 }
        }
        return a.order < b.order
    }
}

extension ByteBuffer {
    /// Appends `n1=v1&n2=v2…` in the list's order.
    @inlinable public mutating func append(pairs: BufferPairs) {
        for k in 0..<pairs.count {
            let p = pairs.slots[k]
            if k > 0 { append(UInt8(ascii: "&")) }
            append(copyOf: p.name)
            append(UInt8(ascii: "="))
            append(copyOf: p.value)
        }
    }

    /// Appends the names joined by `;` in the list's order.
    @inlinable public mutating func append(namesOf pairs: BufferPairs) {
        for k in 0..<pairs.count {
            if k > 0 { append(UInt8(ascii: ";")) }
            append(copyOf: pairs.slots[k].name)
        }
    }

    /// Appends the names joined by `;`, the whole list percent-encoded again (for a URL query value).
    /// The names must be percent-encoded already (only unreserved bytes and `%XX` escapes), so only
    /// a `%` in one changes (to `%25`); a name without one is copied as it is.
    @inlinable public mutating func append(encodedNamesOf pairs: BufferPairs) {
        for k in 0..<pairs.count {
            if k > 0 { append("%3B") }
            let name = pairs.slots[k].name
            if memchr(base + name.lowerBound, 0x25, name.count) == nil {
                append(copyOf: name)
            } else {
                appendPercentEncodedCopy(of: name, keepSlash: false)
            }
        }
    }

    /// Lower-cases the ASCII letters of an earlier part of this buffer in place.
    public mutating func lowercase(_ range: Range<Int>) {
        precondition(range.lowerBound >= 0 && range.upperBound <= written, "ByteBuffer range out of bounds")
        for i in range where base[i] >= 0x41 && base[i] <= 0x5a { base[i] |= 0x20 }
    }

    /// True when an earlier part of this buffer equals the ASCII text `text`.
    public func equals(_ range: Range<Int>, _ text: StaticString) -> Bool {
        range.count == text.utf8CodeUnitCount && memcmp(base + range.lowerBound, text.utf8Start, range.count) == 0
    }

    /// Forgets everything written from `offset` on (to take back a tentative write).
    public mutating func truncate(to offset: Int) {
        precondition(offset >= 0 && offset <= written, "ByteBuffer offset out of bounds")
        written = offset
    }
}
