/// The `<DeleteResult>` of a batch delete (`POST /?delete`).
public struct DeleteResult: Sendable, Equatable {
    /// One `<Deleted>` entry.
    public struct Deleted: Sendable, Equatable {
        /// `Key`.
        public var key: String
        /// `VersionId`, when a version was named.
        public var versionId: String?
        /// `DeleteMarker` is `true`.
        public var deleteMarker: Bool
    }

    /// One `<Error>` entry: a key the server did not delete.
    public struct KeyError: Sendable, Equatable {
        /// `Key`.
        public var key: String
        /// `VersionId`.
        public var versionId: String?
        /// `Code`, e.g. `AccessDenied` or `PathConflict`.
        public var code: String
        /// `Message`.
        public var message: String?
    }

    /// Keys reported deleted.
    public var deleted: [Deleted]
    /// Keys reported not deleted.
    public var errors: [KeyError]

    /// Reads a `<DeleteResult>` element; nil for anything else.
    public init?(_ node: XMLNode) {
        guard node.localName == "DeleteResult" else { return nil }
        deleted = node.children("Deleted").map {
            Deleted(
                key: $0.childText("Key") ?? "", versionId: $0.childText("VersionId"),
                deleteMarker: $0.childText("DeleteMarker")?.trimmingWhitespace.lowercased() == "true")
        }
        errors = node.children("Error").map {
            KeyError(
                key: $0.childText("Key") ?? "", versionId: $0.childText("VersionId"),
                code: $0.childText("Code")?.trimmingWhitespace ?? "",
                message: $0.childText("Message")?.trimmingWhitespace)
        }
    }
}
