import SignetCrypto
import SignetHTTP

/// Every intermediate value of one SigV4 signature, for `--explain`, vectors and diagnosis.
public struct SigV4Signature: Sendable {
    /// Header mode (Authorization header) or query mode (presigned URL).
    public enum Mode: String, Sendable { case header, query }

    public let mode: Mode
    /// The request time, `yyyyMMdd'T'HHmmss'Z'`.
    public let amzDate: String
    /// `yyyyMMdd/region/service/aws4_request`.
    public let credentialScope: String
    /// The last line of the canonical request (and `x-amz-content-sha256` in header mode).
    public let payloadHash: String
    /// `X-Amz-Expires` in query mode (after any clamping to the credentials' expiration).
    public let expires: Int64?
    public let canonicalRequest: String
    public let stringToSign: String
    /// Hex of the derived signing key: secret-derived, so redacted unless revealed.
    public let signingKey: Redacted
    /// Lowercase hex HMAC-SHA256 of the string to sign.
    public let signature: String
    /// The lower-case signed header names joined with `;`.
    public let signedHeaders: String
    /// Header mode: `AWS4-HMAC-SHA256 Credential=…, SignedHeaders=…, Signature=…`; nil in query mode.
    public let authorization: String?
    /// Header mode: the fields to add to the request (X-Amz-Date, x-amz-content-sha256,
    /// X-Amz-Security-Token, Authorization); empty in query mode.
    public let headersToAdd: [HTTPHeader]
    /// Query mode: the presigned URL; nil in header mode.
    public let url: String?
    /// The key that signed this request, kept for aws-chunked chunk signatures. Never printed.
    let signingKeyMAC: HMACKey<SHA256>
}
