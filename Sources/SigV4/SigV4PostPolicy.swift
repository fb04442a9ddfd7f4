import SignetCrypto
import SignetHTTP

/// A browser form upload (POST Object) signed with SigV4: the string to sign is the base64 policy
/// itself, signed with the day's signing key.
///
/// Sign the exact policy text you send; `document(...)` writes one with the conditions S3 checks.
public struct SigV4PostPolicy: Sendable {
    /// One form field.
    public struct Field: Sendable, Hashable {
        public let name: String
        public let value: String

        /// A field.
        public init(name: String, value: String) {
            self.name = name
            self.value = value
        }
    }

    /// The policy JSON text, exactly as signed.
    public let policy: String
    /// Base64 of the policy bytes: the `Policy` field and the string to sign.
    public let policyBase64: String
    /// `yyyyMMdd'T'HHmmss'Z'`.
    public let amzDate: String
    /// `<access key id>/<date>/<region>/<service>/aws4_request`.
    public let credential: String
    /// The same as `policyBase64`.
    public var stringToSign: String { policyBase64 }
    /// Hex of the signing key: redacted unless revealed.
    public let signingKey: Redacted
    /// Lowercase hex HMAC-SHA256 of the base64 policy.
    public let signature: String
    /// The fields to send before the `file` field: X-Amz-Algorithm, X-Amz-Credential, X-Amz-Date,
    /// x-amz-security-token (temporary credentials), Policy, X-Amz-Signature.
    public let fields: [Field]

    /// Signs an exact policy text at `time` (Unix seconds; it fixes the scope date and X-Amz-Date).
    /// - Throws: `SignetError` for an empty policy or expired credentials.
    public init(policy: String, credentials: SigV4Credentials, settings: SigV4Settings, time: Int64) throws {
        guard !policy.isEmpty else { throw SignetError("policy", "is empty", allowed: "a JSON policy document") }
        try SigV4Signer.checkTime(time)
        if let expiration = credentials.expiration, expiration <= time {
            throw SignetError(
                "credentials",
                "the temporary credentials expired at \(UTCTime.iso8601(expiration)), before \(UTCTime.iso8601(time))",
                allowed: "fresh temporary credentials from STS")
        }
        let amz = AmzTime(time)
        self.policy = policy
        policyBase64 = Base64.encode(Array(policy.utf8))
        amzDate = amz.dateTime
        let scope = SigV4Canonical.credentialScope(date: amz.date, region: settings.region, service: settings.service)
        credential = "\(credentials.accessKeyId)/\(scope)"
        let key = SigV4Canonical.signingKey(
            secret: credentials.secretAccessKey, date: amz.date, region: settings.region, service: settings.service)
        signingKey = Redacted(key.hex)
        signature = HMACKey<SHA256>(key: key).authenticate(policyBase64).hex
        var f = [
            Field(name: "X-Amz-Algorithm", value: SigV4Canonical.algorithm),
            Field(name: "X-Amz-Credential", value: credential), Field(name: "X-Amz-Date", value: amzDate),
        ]
        if let token = credentials.sessionToken { f.append(Field(name: "x-amz-security-token", value: token)) }
        f.append(Field(name: "Policy", value: policyBase64))
        f.append(Field(name: "X-Amz-Signature", value: signature))
        fields = f
    }

    /// A policy document with the conditions S3 checks: bucket, key prefix, optional limits, and the
    /// signing fields (`x-amz-algorithm`, `x-amz-credential`, `x-amz-date`, and
    /// `x-amz-security-token` for temporary credentials).
    /// - Throws: `SignetError` when the policy would outlive temporary credentials.
    public static func document(
        expiration: Int64, bucket: String, keyPrefix: String?, credentials: SigV4Credentials, settings: SigV4Settings,
        time: Int64, contentLengthRange: ClosedRange<Int64>? = nil, contentTypePrefix: String? = nil
    ) throws -> String {
        if let keyExpiration = credentials.expiration, expiration > keyExpiration {
            throw SignetError(
                "expiration",
                "the policy would stay valid until \(UTCTime.iso8601(expiration)), after the temporary credentials expire at \(UTCTime.iso8601(keyExpiration))",
                allowed: "an expiration by the credentials' expiration")
        }
        let amz = AmzTime(time)
        let scope = SigV4Canonical.credentialScope(date: amz.date, region: settings.region, service: settings.service)
        var conditions = ["{\"bucket\": \(JSONString.quote(bucket))}"]
        if let keyPrefix { conditions.append("[\"starts-with\", \"$key\", \(JSONString.quote(keyPrefix))]") }
        if let contentTypePrefix {
            conditions.append("[\"starts-with\", \"$Content-Type\", \(JSONString.quote(contentTypePrefix))]")
        }
        if let r = contentLengthRange {
            conditions.append("[\"content-length-range\", \(r.lowerBound), \(r.upperBound)]")
        }
        conditions.append("{\"x-amz-algorithm\": \"AWS4-HMAC-SHA256\"}")
        conditions.append("{\"x-amz-credential\": \(JSONString.quote("\(credentials.accessKeyId)/\(scope)"))}")
        conditions.append("{\"x-amz-date\": \"\(amz.dateTime)\"}")
        if let token = credentials.sessionToken {
            conditions.append("{\"x-amz-security-token\": \(JSONString.quote(token))}")
        }
        let exp = UTCTime.iso8601(expiration).dropLast() + ".000Z"
        return "{\"expiration\": \"\(exp)\",\n  \"conditions\": [\n    " + conditions.joined(separator: ",\n    ")
            + "\n  ]\n}"
    }
}
