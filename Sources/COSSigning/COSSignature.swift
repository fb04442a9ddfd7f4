import SignetHTTP

/// Every intermediate value of one COS signature, for `--explain`, vectors and diagnosis.
public struct COSSignature: Sendable {
    /// Header mode (Authorization header) or query mode (presigned URL).
    public enum Mode: String, Sendable { case header, query }

    public let mode: Mode
    public let keyTime: KeyTime
    /// `lower(method)\npath\nparams\nheaders\n`.
    public let httpString: String
    public let stringToSign: String
    /// hex HMAC-SHA1(SecretKey, KeyTime): secret-derived, so redacted unless revealed.
    public let signKey: Redacted
    public let signature: String
    /// `q-header-list` (names joined by `;`).
    public let headerList: String
    /// `q-url-param-list`.
    public let parameterList: String
    /// The raw `q-sign-algorithm=…` string.
    public let authorization: String
    /// Header mode: the fields to add to the request (Authorization, and the token when used).
    public let headersToAdd: [HTTPHeader]
    /// Query mode: the presigned URL.
    public let url: String?
}
