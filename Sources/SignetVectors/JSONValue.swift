import Foundation
import SignetHTTP

/// A parsed JSON value, read with accessors that report the JSON path of anything wrong.
public indirect enum JSONValue: Sendable, Equatable, Decodable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    /// Parses JSON text.
    public static func parse(_ data: Data) throws -> JSONValue {
        try JSONDecoder().decode(JSONValue.self, from: data)
    }

    public subscript(_ key: String) -> JSONValue? {
        if case .object(let o) = self { return o[key] }
        return nil
    }

    public var stringValue: String? {
        if case .string(let s) = self { return s }
        return nil
    }
}

/// A JSON value with the path it was found at, for precise input errors.
public struct JSONField: Sendable {
    public let value: JSONValue
    public let path: String

    public init(_ value: JSONValue, path: String) {
        self.value = value
        self.path = path
    }

    func fail(_ what: String) -> VectorFileError { VectorFileError(file: "", path: path, problem: what) }

    public func optional(_ key: String) -> JSONField? {
        guard case .object(let o) = value, let v = o[key], v != .null else { return nil }
        return JSONField(v, path: "\(path).\(key)")
    }

    public func required(_ key: String) throws -> JSONField {
        guard case .object = value else { throw fail("expected an object") }
        guard let f = optional(key) else {
            throw VectorFileError(file: "", path: "\(path).\(key)", problem: "is missing")
        }
        return f
    }

    public func string() throws -> String {
        guard case .string(let s) = value else { throw fail("expected a string") }
        return s
    }

    public func int() throws -> Int64 {
        guard case .number(let d) = value, d == d.rounded(), abs(d) < 9e15 else {
            throw fail("expected a whole number")
        }
        return Int64(d)
    }

    public func bool() throws -> Bool {
        guard case .bool(let b) = value else { throw fail("expected true or false") }
        return b
    }

    public func array() throws -> [JSONField] {
        guard case .array(let a) = value else { throw fail("expected an array") }
        return a.enumerated().map { JSONField($1, path: "\(path)[\($0)]") }
    }

    public func strings() throws -> [String] { try array().map { try $0.string() } }

    public func object() throws -> [String: JSONField] {
        guard case .object(let o) = value else { throw fail("expected an object") }
        return o.reduce(into: [:]) { $0[$1.key] = JSONField($1.value, path: "\(path).\($1.key)") }
    }
}

/// A vector file that cannot be read or is not valid: which file, where in it, and what is wrong.
public struct VectorFileError: Error, Sendable, CustomStringConvertible {
    public var file: String
    public let path: String
    public let problem: String

    public init(file: String, path: String, problem: String) {
        self.file = file
        self.path = path
        self.problem = problem
    }

    public var description: String { "\(file): \(path): \(problem)" }
}

extension JSONValue {
    public init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() {
            self = .null
        } else if let b = try? c.decode(Bool.self) {
            self = .bool(b)
        } else if let n = try? c.decode(Double.self) {
            self = .number(n)
        } else if let s = try? c.decode(String.self) {
            self = .string(s)
        } else if let a = try? c.decode([JSONValue].self) {
            self = .array(a)
        } else {
            self = .object(try c.decode([String: JSONValue].self))
        }
    }
}
