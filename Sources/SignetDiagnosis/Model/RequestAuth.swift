import SignetHTTP

/// The signature a request carries, read back: which scheme, where, and its fields.
public struct RequestAuth: Sendable {
    /// The signature scheme.
    public enum Scheme: String, Sendable {
        /// COS `q-sign-algorithm=sha1`.
        case cos
        /// AWS Signature V4.
        case sigv4
        /// AWS Signature V2 (`AWS id:sig`).
        case sigv2
        /// No signature.
        case none
    }

    /// The scheme.
    public let scheme: Scheme
    /// Header (`Authorization`) or query (presigned).
    public let inQuery: Bool
    /// The key id (`q-ak`, Credential's first part).
    public let accessKeyId: String?
    /// COS: `q-sign-time`; SigV4: `X-Amz-Date` (text as sent).
    public let signTime: String?
    /// COS `q-key-time`.
    public let keyTime: String?
    /// Signed header names, lower-case (COS `q-header-list`, SigV4 SignedHeaders).
    public let signedHeaders: [String]
    /// COS `q-url-param-list` names, lower-case.
    public let signedParameters: [String]
    /// The signature hex.
    public let signature: String?
    /// SigV4 credential scope parts after the key id: date, region, service, terminator.
    public let scope: [String]
    /// SigV4 `X-Amz-Expires` (query mode).
    public let expires: Int64?
    /// The session token, if any (never printed).
    public let sessionToken: String?

    /// Reads the signature from a request.
    public init(_ request: ExchangeRequest) {
        let query = request.queryItems
        func param(_ name: String) -> String? {
            query.first { $0.name.lowercased() == name.lowercased() }.map { $0.value ?? "" }
        }
        var fields: [String: String] = [:]
        var inQuery = false
        var scheme = Scheme.none
        let auth = request.headers["Authorization"]?.trimmingSpaces
        if let ak = param("q-sign-algorithm"), !ak.isEmpty {
            scheme = .cos
            inQuery = true
            for name in ["q-ak", "q-sign-time", "q-key-time", "q-header-list", "q-url-param-list", "q-signature"] {
                fields[name] = param(name)
            }
        } else if let merged = param("sign") ?? (auth?.hasPrefix("q-sign-algorithm") == true ? auth : nil) {
            scheme = .cos
            inQuery = auth?.hasPrefix("q-sign-algorithm") != true
            let text = (try? PercentEncoding.decodeToString(merged)) ?? merged
            for part in text.split(separator: "&") {
                let kv = part.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                fields[String(kv[0])] = kv.count > 1 ? String(kv[1]) : ""
            }
        } else if let alg = param("X-Amz-Algorithm"), alg.hasPrefix("AWS4") {
            scheme = .sigv4
            inQuery = true
            fields["credential"] = param("X-Amz-Credential")
            fields["signedheaders"] = param("X-Amz-SignedHeaders")
            fields["signature"] = param("X-Amz-Signature")
            fields["date"] = param("X-Amz-Date")
            fields["expires"] = param("X-Amz-Expires")
        } else if let auth, auth.hasPrefix("AWS4-") {
            scheme = .sigv4
            let rest = auth.drop { $0 != " " }
            for part in rest.split(separator: ",") {
                let kv = String(part).trimmingSpaces.split(separator: "=", maxSplits: 1)
                if kv.count == 2 { fields[kv[0].lowercased()] = String(kv[1]) }
            }
            fields["date"] = request.headers["x-amz-date"] ?? request.headers["Date"]
        } else if let auth, auth.hasPrefix("AWS ") {
            scheme = .sigv2
            fields["credential"] = String(auth.dropFirst(4).split(separator: ":").first ?? "")
        } else if param("AWSAccessKeyId") != nil, param("Signature") != nil {
            scheme = .sigv2
            inQuery = true
            fields["credential"] = param("AWSAccessKeyId")
        }
        self.scheme = scheme
        self.inQuery = inQuery
        switch scheme {
        case .cos:
            accessKeyId = fields["q-ak"]
            signTime = fields["q-sign-time"]
            keyTime = fields["q-key-time"]
            signedHeaders = (fields["q-header-list"] ?? "").split(separator: ";").map { $0.lowercased() }
            signedParameters = (fields["q-url-param-list"] ?? "").split(separator: ";").map { $0.lowercased() }
            signature = fields["q-signature"]
            scope = []
            expires = nil
            sessionToken =
                request.headers["x-cos-security-token"] ?? param("x-cos-security-token")
                ?? request.headers["x-ci-security-token"]
        case .sigv4, .sigv2:
            let credential = (fields["credential"] ?? "").split(separator: "/", omittingEmptySubsequences: false)
            accessKeyId = credential.first.map(String.init)
            scope = credential.dropFirst().map(String.init)
            signTime = fields["date"]
            keyTime = nil
            signedHeaders = (fields["signedheaders"] ?? "").split(separator: ";").map { $0.lowercased() }
            signedParameters = []
            signature = fields["signature"]
            expires = fields["expires"].flatMap { Int64($0) }
            sessionToken = request.headers["x-amz-security-token"] ?? param("X-Amz-Security-Token")
        case .none:
            accessKeyId = nil
            signTime = nil
            keyTime = nil
            signedHeaders = []
            signedParameters = []
            signature = nil
            scope = []
            expires = nil
            sessionToken = request.headers["x-cos-security-token"] ?? request.headers["x-amz-security-token"]
        }
    }

    /// The SigV4 region from the scope.
    public var region: String? { scope.count >= 2 ? scope[1] : nil }

    /// The time the signature was made, by the signer's clock (SigV4 `X-Amz-Date`, COS window start).
    public var signedAt: Int64? {
        switch scheme {
        case .sigv4: return signTime.flatMap(UTCTime.parseAmzDateTime) ?? signTime.flatMap(UTCTime.parseHTTPDate)
        case .cos:
            guard let t = signTime?.split(separator: ";").first else { return nil }
            return Int64(t)
        default: return nil
        }
    }
}
