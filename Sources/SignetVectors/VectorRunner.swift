import Foundation
import SignetHTTP

/// Runs `signet-vectors/1` and `signet-diagnosis/1` files (the contract in VECTORS.md).
public enum VectorRunner {
    /// The outcome of a whole run.
    public struct Report: Sendable {
        public var results: [VectorResult] = []
        public var passed: Int { results.filter(\.passed).count }
        public var failed: Int { results.count - passed }
    }

    /// Every `*.json` file at or below each path, sorted, or the file itself.
    public static func files(in paths: [String]) throws -> [String] {
        var out: [String] = []
        let fm = FileManager.default
        for path in paths {
            var isDir: ObjCBool = false
            guard fm.fileExists(atPath: path, isDirectory: &isDir) else {
                throw VectorFileError(file: path, path: "$", problem: "no such file or directory")
            }
            if isDir.boolValue {
                guard let walker = fm.enumerator(atPath: path) else {
                    throw VectorFileError(file: path, path: "$", problem: "directory cannot be read")
                }
                var found: [String] = []
                for case let rel as String in walker where rel.hasSuffix(".json") {
                    found.append((path as NSString).appendingPathComponent(rel))
                }
                out += found.sorted()
            } else {
                out.append(path)
            }
        }
        return out
    }

    /// Runs every file under `paths`.
    /// - Throws: `VectorFileError` when a file cannot be read or is not a valid vector file.
    public static func run(paths: [String]) throws -> Report {
        var report = Report()
        for file in try files(in: paths) {
            report.results += try run(file: file)
        }
        return report
    }

    /// Runs one file.
    public static func run(file: String) throws -> [VectorResult] {
        guard let data = FileManager.default.contents(atPath: file) else {
            throw VectorFileError(file: file, path: "$", problem: "cannot be read")
        }
        do {
            return try run(data: data, file: file)
        } catch var error as VectorFileError {
            error.file = file
            throw error
        }
    }

    /// Runs vector JSON already in memory; `file` names it in results.
    public static func run(data: Data, file: String) throws -> [VectorResult] {
        let root: JSONValue
        do {
            root = try JSONValue.parse(data)
        } catch {
            throw VectorFileError(file: file, path: "$", problem: "is not valid JSON (\(error.localizedDescription))")
        }
        let top = JSONField(root, path: "$")
        let format = try top.required("format").string()
        switch format {
        case "signet-vectors/1":
            return try top.required("vectors").array().map { try runSigning($0, file: file) }
        case "signet-diagnosis/1":
            return try top.required("cases").array().map { try DiagnosisCaseRunner.run($0, file: file) }
        default:
            throw VectorFileError(
                file: file, path: "$.format",
                problem: "\"\(format)\" is not a known format (signet-vectors/1, signet-diagnosis/1)")
        }
    }

    static func runSigning(_ vector: JSONField, file: String) throws -> VectorResult {
        let id = try vector.required("id").string()
        let scheme = try vector.required("scheme").string()
        switch scheme {
        case "cos": return try COSVectorRunner.run(vector, id: id, file: file)
        case "sigv4": return try SigV4VectorRunner.run(vector, id: id, file: file)
        default:
            throw VectorFileError(
                file: file, path: "\(vector.path).scheme", problem: "\"\(scheme)\" is not cos or sigv4")
        }
    }

    /// Runs the part of a vector that may legitimately fail. Returns the verdict when that settles
    /// the case (the expected error, a success where an error was expected, an unexpected error),
    /// or nil to go on comparing stages. Errors in the vector file itself propagate.
    static func attempt(expectError: String?, file: String, id: String, _ body: () throws -> Void) throws
        -> VectorResult?
    {
        do {
            try body()
        } catch let error as VectorFileError {
            throw error
        } catch {
            if let expectError { return expectedError(expectError, got: error, file: file, id: id) }
            return .fail(file, id, stage: "error", expected: "a signature", actual: String(describing: error))
        }
        if let expectError { return expectedError(expectError, got: nil, file: file, id: id) }
        return nil
    }

    /// Pass when `error` mentions `expected` (case-insensitive).
    static func expectedError(_ expected: String, got error: Error?, file: String, id: String) -> VectorResult {
        guard let error else {
            return .fail(
                file, id, stage: "error", expected: "an error containing \"\(expected)\"", actual: "signing succeeded")
        }
        let message = String(describing: error)
        if message.lowercased().contains(expected.lowercased()) { return .pass(file, id, stages: ["error"]) }
        return .fail(file, id, stage: "error", expected: "an error containing \"\(expected)\"", actual: message)
    }

    /// Reads the request object shared by both schemes.
    static func request(_ field: JSONField) throws -> (
        method: String, url: String, headers: HTTPHeaders, body: [UInt8]?
    ) {
        let method = try field.required("method").string()
        let url = try field.required("url").string()
        let headers = try headers(in: field)
        var body: [UInt8]?
        if let text = field.optional("body") { body = Array(try text.string().utf8) }
        if let b64 = field.optional("bodyBase64") {
            guard let data = Data(base64Encoded: try b64.string()) else { throw b64.fail("is not valid base64") }
            body = Array(data)
        }
        if let rep = field.optional("bodyRepeat") {
            let byte = try rep.required("byte").string()
            let count = try rep.required("count").int()
            guard byte.utf8.count == 1, count >= 0, count <= 64 << 20 else {
                throw rep.fail("expected one byte and a count up to 64 MiB")
            }
            body = [UInt8](repeating: byte.utf8.first!, count: Int(count))
        }
        return (method, url, headers, body)
    }

    /// Reads the optional `headers` list of `[name, value]` pairs of a request or response.
    static func headers(in field: JSONField) throws -> HTTPHeaders {
        var headers = HTTPHeaders()
        if let list = field.optional("headers") {
            for pair in try list.array() {
                let items = try pair.strings()
                guard items.count == 2 else { throw pair.fail("expected [name, value]") }
                headers.append(items[0], items[1])
            }
        }
        return headers
    }
}

/// The parts every signing vector has, read in the same order for both schemes.
struct SigningVector {
    let expectError: String?
    let expect: [String: JSONField]
    let credentials: JSONField
    let sign: JSONField

    init(_ v: JSONField) throws {
        expectError = try v.optional("expectError")?.string()
        expect = try v.optional("expect")?.object() ?? [:]
        credentials = try v.required("credentials")
        sign = try v.required("sign")
    }

    /// The expected value of a stage, if the vector gives one.
    func want(_ stage: String) throws -> String? { try expect[stage]?.string() }

    /// The key pair: id and secret, and the token and expiration when given.
    func keyPair() throws -> (id: String, secret: String, token: String?, expiration: Int64?) {
        (
            try credentials.required("id").string(), try credentials.required("secret").string(),
            try credentials.optional("token")?.string(), try credentials.optional("expiration")?.int()
        )
    }
}
