import SignetHTTP

/// A COS key pair: a long-lived SecretId/SecretKey, or a temporary key from STS with its
/// session token and expiration.
///
/// `description` never shows the SecretKey or the token.
public struct COSCredentials: Sendable, CustomStringConvertible {
    /// The SecretId (`q-ak`), or the tmpSecretId of a temporary key.
    public let secretId: String
    /// The SecretKey. Package-internal so that nothing prints it by accident.
    package let secretKey: String
    /// The session token of a temporary key.
    package let sessionToken: String?
    /// When a temporary key stops working (Unix seconds), if known.
    public let expiration: Int64?

    /// Validates and stores a key pair.
    /// - Throws: `SignetError` for an empty or padded SecretId, an empty SecretKey, or a token with CR/LF.
    public init(secretId: String, secretKey: String, sessionToken: String? = nil, expiration: Int64? = nil) throws {
        guard !secretId.isEmpty else {
            throw SignetError("SecretId", "is empty", allowed: "the SecretId from the CAM console or STS")
        }
        guard secretId.trimmingSpaces == secretId else {
            throw SignetError(
                "SecretId", "has leading or trailing whitespace", allowed: "the SecretId exactly, without spaces")
        }
        guard secretId.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7f }) else {
            throw SignetError("SecretId", "contains spaces or non-printable characters", allowed: "printable ASCII")
        }
        try CredentialChecks.secret(
            secretKey, field: "secret key", allowed: "the SecretKey that belongs to the SecretId")
        try CredentialChecks.sessionToken(sessionToken)
        self.secretId = secretId
        self.secretKey = secretKey
        self.sessionToken = sessionToken
        self.expiration = expiration
    }

    /// The session token, for callers that must put it on the wire or redact it from output.
    public var sessionTokenForOutput: String? { sessionToken }

    /// True for a temporary key (one with a session token).
    public var isTemporary: Bool { sessionToken != nil }

    public var description: String {
        CredentialChecks.description(
            of: "COSCredentials", idField: "secretId", id: secretId, secretField: "secretKey", isTemporary: isTemporary,
            expiration: expiration)
    }
}
