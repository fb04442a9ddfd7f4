import SignetHTTP

/// Where and how a SigV4 request is signed: the scope (region, service) and the canonicalisation
/// rules, which differ between S3 and the other AWS services.
///
/// `SigV4Settings(region:)` gives the S3 rules: the path is neither normalised nor encoded twice,
/// and `x-amz-content-sha256` is sent and signed. Any other service defaults to the generic
/// rules (normalise, encode twice, no payload header), as the AWS test suites expect.
public struct SigV4Settings: Sendable, Hashable {
    /// Which header fields are signed.
    public enum SignedHeaders: Sendable, Hashable {
        /// Every field except hop-by-hop and proxy fields, `user-agent`, `expect` and
        /// `x-amzn-trace-id` (see `SigV4Settings.unsignedHeaderNames`).
        case standard
        /// Exactly these names (any case). Each must be present once the signer has added its own fields.
        case exactly([String])
    }

    /// The region of the credential scope, e.g. `us-east-1` or `ap-guangzhou`.
    public let region: String
    /// The service of the credential scope: `s3` for S3 and COS's S3 API.
    public let service: String
    /// Remove `.`/`..` segments and collapse `//` before signing the path (false for S3).
    public var normalizePath: Bool
    /// Percent-encode the wire path once more (`%` → `%25`) for the canonical URI (false for S3).
    public var doubleEncode: Bool
    /// Header mode: send and sign `x-amz-content-sha256` (S3 requires it).
    public var contentSha256Header: Bool
    /// Whether `X-Amz-Security-Token` is part of what is signed (true for S3).
    public var sessionTokenSigned: Bool
    /// Which header fields go into `SignedHeaders`.
    public var signedHeaders: SignedHeaders
    /// When temporary credentials expire before a presigned URL would: false (default) refuses;
    /// true shortens `X-Amz-Expires` to end when the credentials do.
    public var clampToCredentialExpiration: Bool

    /// Settings for a region and service.
    /// - Throws: `SignetError` when the region or service is empty or contains `/` or whitespace.
    public init(
        region: String, service: String = "s3", normalizePath: Bool? = nil, doubleEncode: Bool? = nil,
        contentSha256Header: Bool? = nil, sessionTokenSigned: Bool = true, signedHeaders: SignedHeaders = .standard,
        clampToCredentialExpiration: Bool = false
    ) throws {
        try SigV4Settings.validateScopePart(region, field: "region", example: "us-east-1")
        try SigV4Settings.validateScopePart(service, field: "service", example: "s3")
        let isS3 = service == "s3"
        self.region = region
        self.service = service
        self.normalizePath = normalizePath ?? !isS3
        self.doubleEncode = doubleEncode ?? !isS3
        self.contentSha256Header = contentSha256Header ?? isS3
        self.sessionTokenSigned = sessionTokenSigned
        self.signedHeaders = signedHeaders
        self.clampToCredentialExpiration = clampToCredentialExpiration
    }

    /// Header names `.standard` never signs: hop-by-hop and proxy fields, and fields that
    /// proxies and HTTP libraries commonly add or rewrite.
    public static let unsignedHeaderNames: Set<String> = [
        "authorization", "connection", "expect", "keep-alive", "proxy-authenticate", "proxy-authorization",
        "proxy-connection", "te", "trailer", "transfer-encoding", "upgrade", "user-agent", "x-amzn-trace-id",
    ]

    static func validateScopePart(_ value: String, field: String, example: String) throws {
        let allowed = "letters, digits and '-', e.g. \(example)"
        guard !value.isEmpty else { throw SignetError(field, "is empty", allowed: allowed) }
        for c in value.utf8 {
            if c == UInt8(ascii: "/") {
                throw SignetError(
                    field, "\"\(value)\" contains '/', which would break the credential scope", allowed: allowed)
            }
            if c <= 0x20 || c == 0x7f {
                throw SignetError(field, "\"\(value)\" contains whitespace or a control character", allowed: allowed)
            }
        }
    }
}
