/// The `<Delete>` body of a batch delete request.
public struct DeleteRequestBody: Sendable, Equatable {
    /// One `<Object>`.
    public struct Object: Sendable, Equatable {
        /// `Key`, exactly as written (no trimming: a leading `/` or space is part of the key).
        public var key: String
        /// `VersionId`.
        public var versionId: String?
    }

    /// `Quiet` is `true`: the response lists only failures.
    public var quiet: Bool
    /// The objects to delete, in order.
    public var objects: [Object]

    /// Reads a `<Delete>` element; nil for anything else.
    public init?(_ node: XMLNode) {
        guard node.localName == "Delete" else { return nil }
        quiet = node.childText("Quiet")?.trimmingWhitespace.lowercased() == "true"
        objects = node.children("Object").map {
            Object(key: $0.childText("Key") ?? "", versionId: $0.childText("VersionId"))
        }
    }

    /// Parses body bytes.
    /// - Throws: `XMLParseError`, or a malformed error when the root is not `<Delete>`.
    public init(parsing bytes: [UInt8]) throws {
        let root = try SafeXMLParser.parse(bytes)
        guard let body = DeleteRequestBody(root) else {
            throw XMLParseError(.malformed, at: 0, "the root element is <\(root.name)>, not <Delete>")
        }
        self = body
    }
}
