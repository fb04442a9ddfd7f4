import COSSigning
import SignetHTTP

/// Credentials the person lets Signet use to re-sign a request (COS SecretId/SecretKey or an AWS
/// access key pair, optionally temporary). The secret and token never appear in output.
public struct AccessKeyPair: Sendable, CustomStringConvertible {
    /// SecretId / access key id (not secret).
    public let id: String
    /// SecretKey / secret access key.
    package let secret: String
    /// Session token of a temporary key.
    package let token: String?

    /// Creates a pair.
    /// - Throws: `SignetError` for an empty id or secret.
    public init(id: String, secret: String, token: String? = nil) throws {
        guard !id.trimmingSpaces.isEmpty else { throw SignetError("credentials", "the key id is empty") }
        guard !secret.isEmpty else { throw SignetError("credentials", "the secret is empty") }
        self.id = id.trimmingSpaces
        self.secret = secret
        self.token = (token?.isEmpty ?? true) ? nil : token
    }

    /// True when a session token is present.
    public var isTemporary: Bool { token != nil }

    /// The pair as COS credentials.
    public func cosCredentials() throws -> COSCredentials {
        try COSCredentials(secretId: id, secretKey: secret, sessionToken: token)
    }

    /// The session token, for code that must place it in a request it builds (never for printing).
    package var sessionTokenValue: String? { token }

    public var description: String {
        "AccessKeyPair(id: \(id), secret: <redacted>\(token == nil ? "" : ", token: <redacted>"))"
    }
}
