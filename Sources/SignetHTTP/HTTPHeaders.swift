/// One header field as given: name and value, case kept.
public struct HTTPHeader: Sendable, Hashable {
    public var name: String
    public var value: String
    public init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }
}

/// Header fields in arrival order. Repeated names are kept, never merged or dropped.
public struct HTTPHeaders: Sendable, Hashable, Sequence, ExpressibleByArrayLiteral {
    public private(set) var fields: [HTTPHeader]

    public init() { fields = [] }
    public init(_ fields: [HTTPHeader]) { self.fields = fields }
    public init(_ pairs: [(String, String)]) { fields = pairs.map { HTTPHeader($0.0, $0.1) } }
    public init(arrayLiteral elements: (String, String)...) { self.init(elements) }

    public func makeIterator() -> IndexingIterator<[HTTPHeader]> { fields.makeIterator() }
    public var count: Int { fields.count }

    /// Appends a field (a repeat of an existing name stays a separate field).
    public mutating func append(_ name: String, _ value: String) { fields.append(HTTPHeader(name, value)) }

    /// Replaces every field of `name` (any case) with one field.
    public mutating func set(_ name: String, _ value: String) {
        remove(name)
        append(name, value)
    }

    /// Removes every field of `name` (any case).
    public mutating func remove(_ name: String) {
        fields.removeAll { HTTPHeaders.equalNames($0.name, name) }
    }

    /// The first value of `name` (any case).
    public subscript(_ name: String) -> String? { fields.first { HTTPHeaders.equalNames($0.name, name) }?.value }

    /// All values of `name` (any case), in order.
    public func values(_ name: String) -> [String] {
        fields.filter { HTTPHeaders.equalNames($0.name, name) }.map(\.value)
    }

    /// True when a field of `name` exists.
    public func contains(_ name: String) -> Bool { self[name] != nil }

    /// ASCII case-insensitive name comparison.
    public static func equalNames(_ a: String, _ b: String) -> Bool {
        a.utf8.count == b.utf8.count
            && zip(a.utf8, b.utf8).allSatisfy { x, y in
                x == y || (x | 0x20 == y | 0x20 && (x | 0x20) >= 0x61 && (x | 0x20) <= 0x7a)
            }
    }

    /// Checks every field: names must be RFC 9110 tokens, values must not hold CR, LF or NUL.
    public func validate() throws {
        for (index, field) in fields.enumerated() {
            try HTTPHeaders.validateName(field.name, position: index + 1)
            try HTTPHeaders.validateValue(field.value, name: field.name)
        }
    }

    /// True for an RFC 9110 token byte: a letter, a digit or one of !#$%&'*+-.^_`|~ (a bit mask
    /// per half of ASCII, so the check costs no lookup in a collection).
    @inlinable static func isTokenByte(_ c: UInt8) -> Bool {
        let low: UInt64 = 0x03ff_6cfa_0000_0000  // bytes 0x00-0x3f
        let high: UInt64 = 0x57ff_ffff_c7ff_fffe  // bytes 0x40-0x7f
        return c < 0x40 ? (low >> c) & 1 != 0 : c < 0x80 && (high >> (c &- 0x40)) & 1 != 0
    }

    /// Throws unless `name` is a non-empty RFC 9110 token.
    public static func validateName(_ name: String, position: Int) throws {
        let allowed = "letters, digits and !#$%&'*+-.^_`|~"
        guard !name.isEmpty else {
            throw SignetError("header name (header #\(position))", "is empty", allowed: allowed)
        }
        for c in name.utf8 where !isTokenByte(c) {
            let what: String
            switch c {
            case 0x20: what = "a space"
            case 0x0d, 0x0a: what = "a CR/LF"
            case UInt8(ascii: ":"): what = "a colon"
            default:
                what = c < 0x20 || c >= 0x7f ? "byte 0x\(String(c, radix: 16))" : "\"\(Character(Unicode.Scalar(c)))\""
            }
            throw SignetError("header name \"\(name)\" (header #\(position))", "contains \(what)", allowed: allowed)
        }
    }

    /// Throws if `value` holds CR, LF, NUL or another control character except tab.
    public static func validateValue(_ value: String, name: String) throws {
        for c in value.utf8 where (c < 0x20 && c != 0x09) || c == 0x7f {
            let what = c == 0x0d || c == 0x0a ? "a CR/LF" : "control byte 0x\(String(c, radix: 16))"
            throw SignetError(
                "header \"\(name)\"", "value contains \(what), which would split or corrupt the request",
                allowed: "visible characters, spaces and tabs")
        }
    }
}
