import Foundation
import SignetHTTP

/// The validity window a signed request carries, read back from its URL or headers.
public struct SignedWindow: Sendable, Equatable {
    /// Which signature the window belongs to.
    public enum Scheme: String, Sendable { case cos, sigv4 }
    /// Where the signature travels.
    public enum Placement: String, Sendable { case header, query }

    public let scheme: Scheme
    public let placement: Placement
    /// Opening time (Unix seconds): COS `q-sign-time` start, SigV4 `X-Amz-Date`.
    public let start: Int64
    /// Closing time: COS `q-sign-time` end; SigV4 presigned `X-Amz-Date + X-Amz-Expires`; SigV4
    /// header signatures have no end of their own (the server allows 15 minutes of skew), so
    /// `start + 900`.
    public let end: Int64
    /// True when the request carries a session token (a temporary key).
    public let hasSessionToken: Bool
    /// The access key id (`q-ak` or the Credential's first part), not secret.
    public let accessKeyId: String?

    public init(
        scheme: Scheme, placement: Placement, start: Int64, end: Int64, hasSessionToken: Bool, accessKeyId: String?
    ) {
        self.scheme = scheme
        self.placement = placement
        self.start = start
        self.end = end
        self.hasSessionToken = hasSessionToken
        self.accessKeyId = accessKeyId
    }

    /// Tolerance S3 and COS allow between request time and server time.
    public static let skewTolerance: Int64 = 900

    /// Reads the window from a signed request; nil when it carries no recognisable signature.
    public static func extract(url: RequestURL, headers: HTTPHeaders) -> SignedWindow? {
        let query = (try? url.decodedQueryItems()) ?? []
        func param(_ name: String) -> String? {
            query.first { $0.name.lowercased() == name.lowercased() }?.value
        }
        // COS, presigned.
        if let signTime = param("q-sign-time") ?? param("q-key-time"), let (s, e) = cosTimes(signTime) {
            return SignedWindow(
                scheme: .cos, placement: .query, start: s, end: e,
                hasSessionToken: param("x-cos-security-token") != nil || headers.contains("x-cos-security-token"),
                accessKeyId: param("q-ak"))
        }
        // COS merged form: sign=<encoded authorization>.
        if let merged = param("sign"),
            let w = cosAuthorization(merged, placement: .query, headers: headers, query: query)
        {
            return w
        }
        // SigV4, presigned.
        if let date = param("X-Amz-Date"), let start = UTCTime.parseAmzDateTime(date) {
            let expires = param("X-Amz-Expires").flatMap { Int64($0) } ?? 0
            return SignedWindow(
                scheme: .sigv4, placement: .query, start: start, end: start + expires,
                hasSessionToken: param("X-Amz-Security-Token") != nil,
                accessKeyId: param("X-Amz-Credential")?.split(separator: "/").first.map(String.init))
        }
        guard let auth = headers["Authorization"] else { return nil }
        if auth.hasPrefix("q-sign-algorithm") {
            return cosAuthorization(auth, placement: .header, headers: headers, query: query)
        }
        if auth.hasPrefix("AWS4-HMAC-SHA256") {
            let dateText = headers["x-amz-date"]
            let start = dateText.flatMap(UTCTime.parseAmzDateTime) ?? headers["Date"].flatMap(UTCTime.parseHTTPDate)
            guard let start else { return nil }
            var akid: String?
            if let r = auth.range(of: "Credential=") {
                akid = auth[r.upperBound...].split(separator: "/").first.map(String.init)
            }
            return SignedWindow(
                scheme: .sigv4, placement: .header, start: start, end: start + skewTolerance,
                hasSessionToken: headers.contains("x-amz-security-token"), accessKeyId: akid)
        }
        return nil
    }

    private static func cosAuthorization(
        _ auth: String, placement: Placement, headers: HTTPHeaders, query: [(name: String, value: String?)]
    ) -> SignedWindow? {
        var fields: [String: String] = [:]
        for part in auth.split(separator: "&") {
            let kv = part.split(separator: "=", maxSplits: 1)
            if kv.count == 2 { fields[String(kv[0])] = String(kv[1]) }
        }
        guard let t = fields["q-sign-time"] ?? fields["q-key-time"], let (s, e) = cosTimes(t) else { return nil }
        let token =
            headers.contains("x-cos-security-token")
            || query.contains { $0.name.lowercased() == "x-cos-security-token" }
        return SignedWindow(
            scheme: .cos, placement: placement, start: s, end: e, hasSessionToken: token, accessKeyId: fields["q-ak"])
    }

    private static func cosTimes(_ text: String) -> (Int64, Int64)? {
        let parts = text.split(separator: ";")
        guard parts.count == 2, let s = Int64(parts[0]), let e = Int64(parts[1]) else { return nil }
        return (s, e)
    }
}
