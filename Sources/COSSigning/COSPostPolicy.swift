import Foundation
import SignetCrypto
import SignetHTTP

/// The COS POST Object (browser form upload) policy signature.
///
/// The StringToSign is the SHA-1 hex of the exact policy bytes that are base64-encoded into the
/// `policy` form field, so sign the text you send, byte for byte.
public struct COSPostPolicy: Sendable {
    /// The policy JSON text, exactly as signed.
    public let policy: String
    public let keyTime: KeyTime
    /// Base64 of the policy bytes (the `policy` form field).
    public let policyBase64: String
    /// hex HMAC-SHA1(SecretKey, KeyTime), redacted unless revealed.
    public let signKey: Redacted
    /// hex SHA-1 of the policy bytes.
    public let stringToSign: String
    public let signature: String
    /// The form fields to send before the `file` field, in order.
    public let fields: [(name: String, value: String)]

    /// Signs an exact policy text.
    public init(policy: String, credentials: COSCredentials, keyTime: KeyTime) throws {
        guard !policy.isEmpty else { throw SignetError("policy", "is empty", allowed: "a JSON policy document") }
        if let expiration = credentials.expiration, keyTime.end > expiration {
            throw SignetError(
                "keyTime",
                "the window ends at \(UTCTime.iso8601(keyTime.end)), after the temporary key expires at \(UTCTime.iso8601(expiration)); a signature cannot outlive its key",
                allowed: "a window ending by the key's expiration")
        }
        self.policy = policy
        self.keyTime = keyTime
        policyBase64 = Data(policy.utf8).base64EncodedString()
        let signKeyHex = COSCanonical.signKey(secretKey: credentials.secretKey, keyTime: keyTime)
        signKey = Redacted(signKeyHex)
        stringToSign = Hasher<SHA1>.hash(policy).hex
        signature = HMACKey<SHA1>(key: signKeyHex).authenticate(stringToSign).hex
        var f: [(name: String, value: String)] = [
            ("policy", policyBase64), ("q-sign-algorithm", "sha1"), ("q-ak", credentials.secretId),
            ("q-key-time", keyTime.description), ("q-signature", signature),
        ]
        if let token = credentials.sessionToken { f.append((COSSigningOptions.securityTokenName, token)) }
        fields = f
    }

    /// A policy document with the conditions COS requires (`q-sign-algorithm`, `q-ak`,
    /// `q-sign-time`) plus the bucket, a key prefix and optional limits.
    public static func document(
        expiration: Int64, bucket: String, keyPrefix: String?, credentials: COSCredentials, keyTime: KeyTime,
        contentLengthRange: ClosedRange<Int64>? = nil, contentTypePrefix: String? = nil
    ) -> String {
        var conditions = ["{ \"bucket\": \(JSONString.quote(bucket)) }"]
        if let keyPrefix { conditions.append("[ \"starts-with\", \"$key\", \(JSONString.quote(keyPrefix)) ]") }
        if let contentTypePrefix {
            conditions.append("[ \"starts-with\", \"$Content-Type\", \(JSONString.quote(contentTypePrefix)) ]")
        }
        if let r = contentLengthRange {
            conditions.append("[ \"content-length-range\", \(r.lowerBound), \(r.upperBound) ]")
        }
        conditions.append("{ \"q-sign-algorithm\": \"sha1\" }")
        conditions.append("{ \"q-ak\": \(JSONString.quote(credentials.secretId)) }")
        conditions.append("{ \"q-sign-time\": \"\(keyTime)\" }")
        if let token = credentials.sessionToken {
            conditions.append("{ \"x-cos-security-token\": \(JSONString.quote(token)) }")
        }
        let exp = UTCTime.iso8601(expiration).dropLast() + ".000Z"
        return "{\n    \"expiration\": \"\(exp)\",\n    \"conditions\": [\n        "
            + conditions.joined(separator: ",\n        ") + "\n    ]\n}"
    }
}
