#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Name/value pairs percent-encoded into one buffer, then sorted by (name, value) byte order.
///
/// Both signatures canonicalise query parameters (and COS also headers) this way. One buffer
/// holds every encoded byte, so building the list costs two allocations however many pairs.
public struct EncodedPairs: Sendable {
    /// One pair: byte ranges into `storage`.
    public struct Entry: Sendable {
        public var name: Range<Int>
        public var value: Range<Int>
        /// Position in input order, for callers that must keep the original order too.
        public var order: Int
    }

    public private(set) var storage: [UInt8] = []
    public private(set) var entries: [Entry] = []

    public init(capacity: Int = 256) {
        storage.reserveCapacity(capacity)
        entries.reserveCapacity(8)
    }

    public var count: Int { entries.count }

    /// Adds a pair from wire text: escapes are decoded, then everything is encoded canonically.
    public mutating func addWire(
        name: UnsafeRawBufferPointer, value: UnsafeRawBufferPointer?, lowercaseName: Bool, field: String
    ) throws {
        let ns = storage.count
        try PercentEncoding.appendReencoded(name, to: &storage, field: field)
        if lowercaseName { lowercase(ns..<storage.count) }
        let vs = storage.count
        if let value { try PercentEncoding.appendReencoded(value, to: &storage, field: field) }
        entries.append(Entry(name: ns..<vs, value: vs..<storage.count, order: entries.count))
    }

    /// Adds every query item of a URL, in URL order, through `addWire` (an item without `=` gets
    /// an empty value).
    public mutating func addQuery(of url: RequestURL, lowercaseNames: Bool) throws {
        try url.forEachQueryItem { name, value in
            try addWire(name: name, value: value, lowercaseName: lowercaseNames, field: "url query")
        }
    }

    /// Adds a pair from decoded bytes: both are percent-encoded.
    public mutating func add(name: UnsafeRawBufferPointer, value: UnsafeRawBufferPointer, lowercaseName: Bool) {
        let ns = storage.count
        PercentEncoding.append(name, to: &storage)
        if lowercaseName { lowercase(ns..<storage.count) }
        let vs = storage.count
        PercentEncoding.append(value, to: &storage)
        entries.append(Entry(name: ns..<vs, value: vs..<storage.count, order: entries.count))
    }

    /// Adds a pair from decoded strings.
    public mutating func add(name: String, value: String, lowercaseName: Bool) {
        var name = name
        var value = value
        name.withUTF8 { n in
            value.withUTF8 { v in
                add(name: UnsafeRawBufferPointer(n), value: UnsafeRawBufferPointer(v), lowercaseName: lowercaseName)
            }
        }
    }

    private mutating func lowercase(_ r: Range<Int>) {
        for i in r where storage[i] >= 0x41 && storage[i] <= 0x5a { storage[i] |= 0x20 }
    }

    /// Sorts by name, then value, comparing bytes.
    public mutating func sort() {
        storage.withUnsafeBufferPointer { buf in
            let base = buf.baseAddress!
            entries.sort { a, b in
                let c = EncodedPairs.compare(base, a.name, b.name)
                if c != 0 { return c < 0 }
                let d = EncodedPairs.compare(base, a.value, b.value)
                return d != 0 ? d < 0 : a.order < b.order
            }
        }
    }

    @inline(__always) static func compare(_ base: UnsafePointer<UInt8>, _ a: Range<Int>, _ b: Range<Int>) -> Int32 {
        Int32(
            compareBytes(
                UnsafeRawBufferPointer(start: base + a.lowerBound, count: a.count),
                UnsafeRawBufferPointer(start: base + b.lowerBound, count: b.count)))
    }

    /// Byte order of two byte strings (the order both signatures sort by): negative, zero or positive.
    @inlinable public static func compareBytes(_ a: UnsafeRawBufferPointer, _ b: UnsafeRawBufferPointer) -> Int {
        let n = min(a.count, b.count)
        if n > 0 {
            let c = memcmp(a.baseAddress!, b.baseAddress!, n)
            if c != 0 { return Int(c) }
        }
        return a.count == b.count ? 0 : (a.count < b.count ? -1 : 1)
    }

    /// Removes the entries for which `keep` is false.
    public mutating func filter(_ keep: (_ name: UnsafeRawBufferPointer) -> Bool) {
        let s = storage
        s.withUnsafeBytes { buf in
            entries.removeAll { !keep(UnsafeRawBufferPointer(rebasing: buf[$0.name])) }
        }
    }

    /// The encoded name of entry `i` as a string.
    public func name(_ i: Int) -> String { String(decoding: storage[entries[i].name], as: UTF8.self) }
    /// The encoded value of entry `i` as a string.
    public func value(_ i: Int) -> String { String(decoding: storage[entries[i].value], as: UTF8.self) }

}

extension Array where Element == UInt8 {
    /// Appends a string's UTF-8 bytes.
    @inlinable public mutating func append(utf8 string: String) {
        var s = string
        s.withUTF8 { append(contentsOf: $0) }
    }
}
