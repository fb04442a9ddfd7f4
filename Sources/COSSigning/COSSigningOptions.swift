/// How a COS request is signed: which headers and parameters, and what to do with temporary keys.
public struct COSSigningOptions: Sendable, Hashable {
    /// Which header fields go into `q-header-list`.
    public enum Headers: Sendable, Hashable {
        /// host, content-type, content-length, content-md5, range, and every `x-cos-*` / `x-ci-*` field.
        case standard
        /// Exactly these (lower-case) names; `host` is taken from the URL when no Host field is given.
        case exactly([String])
    }

    /// Which query parameters go into `q-url-param-list`.
    public enum Parameters: Sendable, Hashable {
        /// Every parameter of the URL.
        case all
        /// Exactly these (lower-case, encoded) names.
        case exactly([String])
    }

    public var headers: Headers
    public var parameters: Parameters
    /// Whether the session token is signed (header `x-cos-security-token`, or the query parameter of
    /// a presigned URL). Default true.
    public var signSessionToken: Bool
    /// When a temporary key expires before the window ends: false (default) refuses; true shortens
    /// the window to end when the key does.
    public var clampToCredentialExpiration: Bool

    public init(
        headers: Headers = .standard, parameters: Parameters = .all, signSessionToken: Bool = true,
        clampToCredentialExpiration: Bool = false
    ) {
        self.headers = headers
        self.parameters = parameters
        self.signSessionToken = signSessionToken
        self.clampToCredentialExpiration = clampToCredentialExpiration
    }

    /// Names that `.standard` signs besides the `x-cos-` and `x-ci-` prefixes.
    public static let standardHeaderNames: Set<String> = [
        "host", "content-type", "content-length", "content-md5", "range",
    ]

    /// The header (or parameter) that carries a temporary key's token.
    public static let securityTokenName = "x-cos-security-token"
}
