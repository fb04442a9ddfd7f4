import SignetHTTP

/// Header fields in canonical form: lower-case names, values trimmed with inner runs of spaces
/// and tabs collapsed to one space, sorted by name with repeated names kept in arrival order
/// (they are joined with `,` when written). One byte buffer holds every name and value.
struct CanonicalHeaderList {
    struct Entry {
        var name: Range<Int>
        var value: Range<Int>
        var order: Int
    }

    private(set) var storage: [UInt8] = []
    private(set) var entries: [Entry] = []

    init(capacity: Int) { storage.reserveCapacity(capacity) }

    var isEmpty: Bool { entries.isEmpty }

    /// Adds a field; the name is lower-cased and the value canonicalised.
    mutating func add(name: UnsafeRawBufferPointer, value: UnsafeRawBufferPointer) {
        let ns = storage.count
        storage.append(contentsOf: name)
        storage.withUnsafeMutableBufferPointer { b in
            for i in ns..<b.count where b[i] >= 0x41 && b[i] <= 0x5a { b[i] |= 0x20 }
        }
        let vs = storage.count
        var lo = 0
        var hi = value.count
        while lo < hi, value[lo] == 0x20 || value[lo] == 0x09 { lo += 1 }
        while hi > lo, value[hi - 1] == 0x20 || value[hi - 1] == 0x09 { hi -= 1 }
        // Common case: no tab and no run of spaces inside, so the trimmed value is copied as is.
        var plain = true
        var k = lo
        while k < hi {
            let c = value[k]
            if c == 0x09 || (c == 0x20 && value[k + 1] == 0x20) {
                plain = false
                break
            }
            k += 1
        }
        if plain {
            storage.append(contentsOf: UnsafeRawBufferPointer(rebasing: value[lo..<hi]))
        } else {
            var inSpace = false
            for k in lo..<hi {
                let c = value[k]
                if c == 0x20 || c == 0x09 {
                    if !inSpace { storage.append(0x20) }
                    inSpace = true
                } else {
                    storage.append(c)
                    inSpace = false
                }
            }
        }
        entries.append(Entry(name: ns..<vs, value: vs..<storage.count, order: entries.count))
    }

    /// Adds a field from strings.
    mutating func add(name: String, value: String) {
        var name = name
        var value = value
        name.withUTF8 { n in
            value.withUTF8 { v in add(name: UnsafeRawBufferPointer(n), value: UnsafeRawBufferPointer(v)) }
        }
    }

    /// Adds a field whose value is raw bytes (e.g. a date or hex digest).
    mutating func add(name: StaticString, value: UnsafeRawBufferPointer) {
        add(name: UnsafeRawBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount), value: value)
    }

    /// True when a field named `name` (lower-case) is present.
    func contains(_ name: String) -> Bool {
        var name = name
        return name.withUTF8 { n in entries.contains { storage[$0.name].elementsEqual(n) } }
    }

    /// Keeps only the entries whose (lower-case) name satisfies `keep`.
    mutating func filter(_ keep: (String) -> Bool) {
        let s = storage
        entries.removeAll { !keep(String(decoding: s[$0.name], as: UTF8.self)) }
    }

    /// Sorts by name bytes, keeping arrival order among equal names.
    mutating func sort() {
        guard entries.count > 1 else { return }
        storage.withUnsafeBufferPointer { buf in
            let base = UnsafeRawBufferPointer(buf)
            entries.sort { a, b in
                let c = EncodedPairs.compareBytes(
                    UnsafeRawBufferPointer(rebasing: base[a.name]), UnsafeRawBufferPointer(rebasing: base[b.name]))
                return c != 0 ? c < 0 : a.order < b.order
            }
        }
    }

    private func sameName(_ i: Int, _ j: Int) -> Bool {
        storage[entries[i].name].elementsEqual(storage[entries[j].name])
    }

    /// Appends `name:value\n` per name (repeats joined with `,`), after `sort()`.
    func writeCanonical(into out: inout ByteBuffer) {
        storage.withUnsafeBytes { s in
            var i = 0
            while i < entries.count {
                out.append(UnsafeRawBufferPointer(rebasing: s[entries[i].name]))
                out.append(UInt8(ascii: ":"))
                out.append(UnsafeRawBufferPointer(rebasing: s[entries[i].value]))
                var j = i + 1
                while j < entries.count, sameName(i, j) {
                    out.append(UInt8(ascii: ","))
                    out.append(UnsafeRawBufferPointer(rebasing: s[entries[j].value]))
                    j += 1
                }
                out.append(0x0a)
                i = j
            }
        }
    }

    /// Appends the distinct names joined with `;`, after `sort()`.
    func writeSignedNames(into out: inout ByteBuffer) {
        storage.withUnsafeBytes { s in
            var i = 0
            while i < entries.count {
                if i > 0 { out.append(UInt8(ascii: ";")) }
                out.append(UnsafeRawBufferPointer(rebasing: s[entries[i].name]))
                var j = i + 1
                while j < entries.count, sameName(i, j) { j += 1 }
                i = j
            }
        }
    }
}
