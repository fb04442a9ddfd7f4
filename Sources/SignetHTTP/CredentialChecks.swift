/// Checks shared by both credential types: a clear error for each way a key pair is commonly
/// pasted wrong. Messages name the field, never the secret's value.
public enum CredentialChecks {
    /// A secret: not empty, no surrounding whitespace.
    public static func secret(_ secret: String, field: String, allowed: String) throws {
        guard !secret.isEmpty else { throw SignetError(field, "is empty", allowed: allowed) }
        guard secret.trimmingSpaces == secret else {
            throw SignetError(field, "has leading or trailing whitespace", allowed: "the value exactly, without spaces")
        }
    }

    /// A session token, when there is one: not empty, no CR, LF or NUL.
    public static func sessionToken(_ token: String?) throws {
        guard let token else { return }
        guard !token.isEmpty else {
            throw SignetError("session token", "is empty", allowed: "the token from STS, or no token")
        }
        guard !token.utf8.contains(where: { $0 == 0x0d || $0 == 0x0a || $0 == 0 }) else {
            throw SignetError(
                "session token", "contains CR/LF or NUL, which would corrupt the request",
                allowed: "the token exactly as STS returned it")
        }
    }

    /// The description both credential types print: the kind and id, `<redacted>` in place of the
    /// secret and any token, and the expiry when known.
    package static func description(
        of type: String, idField: String, id: String, secretField: String, isTemporary: Bool, expiration: Int64?
    ) -> String {
        let kind = isTemporary ? "temporary" : "long-lived"
        var text = "\(type)(\(kind), \(idField): \(id), \(secretField): <redacted>"
        if isTemporary { text += ", sessionToken: <redacted>" }
        if let expiration { text += ", expires: \(UTCTime.iso8601(expiration))" }
        return text + ")"
    }
}
