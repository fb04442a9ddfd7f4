import SignetHTTP

/// An AWS-style key pair: a long-lived access key, or temporary credentials from STS with
/// their session token and expiration.
///
/// `description` never shows the secret or the token.
public struct SigV4Credentials: Sendable, CustomStringConvertible {
    /// The access key id (the `Credential=` prefix).
    public let accessKeyId: String
    /// The secret access key. Package-internal so that nothing prints it by accident.
    package let secretAccessKey: String
    /// The session token of temporary credentials.
    package let sessionToken: String?
    /// When temporary credentials stop working (Unix seconds), if known.
    public let expiration: Int64?

    /// Validates and stores a key pair.
    /// - Throws: `SignetError` for an empty or malformed access key id, an empty or padded secret,
    ///   or an empty token or one containing CR, LF or NUL.
    public init(accessKeyId: String, secretAccessKey: String, sessionToken: String? = nil, expiration: Int64? = nil)
        throws
    {
        let idAllowed = "the access key id exactly, printable ASCII without spaces or '/'"
        guard !accessKeyId.isEmpty else {
            throw SignetError("access key id", "is empty", allowed: idAllowed)
        }
        for c in accessKeyId.utf8 where c <= 0x20 || c >= 0x7f || c == UInt8(ascii: "/") {
            let what =
                c == UInt8(ascii: "/")
                ? "a '/', which would break the credential scope" : "spaces or non-printable characters"
            throw SignetError("access key id", "contains \(what)", allowed: idAllowed)
        }
        try CredentialChecks.secret(
            secretAccessKey, field: "secret access key", allowed: "the secret that belongs to the access key id")
        try CredentialChecks.sessionToken(sessionToken)
        self.accessKeyId = accessKeyId
        self.secretAccessKey = secretAccessKey
        self.sessionToken = sessionToken
        self.expiration = expiration
    }

    /// True for temporary credentials (ones with a session token).
    public var isTemporary: Bool { sessionToken != nil }

    public var description: String {
        CredentialChecks.description(
            of: "SigV4Credentials", idField: "accessKeyId", id: accessKeyId, secretField: "secret",
            isTemporary: isTemporary,
            expiration: expiration)
    }
}
