import SigV4
import SignetCrypto
import SignetHTTP

/// Signet's view of a SigV4 (S3 rules) canonical request for a request as given, split into
/// components, and the same split of a server's echoed `CanonicalRequest`.
struct SigV4CanonicalView: Sendable, Equatable {
    var method: String
    var path: String
    var query: [String]
    /// `name:value` lines.
    var headers: [String]
    var signedHeaders: String
    var payload: String

    var canonicalRequest: String {
        SigV4Canonical.canonicalRequest(
            method: method, canonicalURI: path, canonicalQuery: query.joined(separator: "&"),
            canonicalHeaders: headers.map { $0 + "\n" }.joined(), signedHeaders: signedHeaders, payloadHash: payload)
    }
}

extension SigV4CanonicalView {
    /// Splits an echoed `CanonicalRequest`; nil when its shape is wrong.
    init?(echo: String) {
        let lines = echo.replacingAll("\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false).map(
            String.init)
        guard lines.count >= 6, let blank = lines.dropFirst(3).firstIndex(of: ""), blank + 2 < lines.count else {
            return nil
        }
        method = lines[0]
        path = lines[1]
        query = lines[2].isEmpty ? [] : lines[2].split(separator: "&").map(String.init)
        headers = Array(lines[3..<blank])
        signedHeaders = lines[blank + 1]
        payload = lines[blank + 2]
    }

    /// Computes the canonical request of `request` with the signed header list in `auth`.
    static func compute(
        _ request: ExchangeRequest, url: RequestURL, auth: RequestAuth, pathOverride: String? = nil,
        headerOverrides: [String: String] = [:]
    ) -> SigV4CanonicalView? {
        var pathBytes = [UInt8]()
        do {
            if let pathOverride {
                pathBytes = Array(pathOverride.utf8)
            } else {
                try url.withRawPath {
                    try PercentEncoding.appendReencoded($0, to: &pathBytes, keepSlash: true, field: "url path")
                }
            }
        } catch {
            return nil
        }
        var params = EncodedPairs()
        do {
            try params.addQuery(of: url, lowercaseNames: false)
        } catch {
            return nil
        }
        params.filter { String(decoding: $0, as: UTF8.self) != "X-Amz-Signature" }
        params.sort()
        var lines: [String] = []
        for name in auth.signedHeaders.sorted() {
            var values = request.headers.values(name).map { collapse($0) }
            if values.isEmpty, name == "host" { values = [url.authority] }
            if let o = headerOverrides[name] { values = [o] }
            lines.append("\(name):\(values.joined(separator: ","))")
        }
        let payload: String
        if auth.inQuery {
            payload = request.query("X-Amz-Content-Sha256") ?? "UNSIGNED-PAYLOAD"
        } else if let h = request.headers["x-amz-content-sha256"] {
            payload = h.trimmingSpaces
        } else if let body = request.body {
            payload = Hasher<SHA256>.hash(body).hex
        } else {
            payload = Hasher<SHA256>.hash([UInt8]()).hex
        }
        return SigV4CanonicalView(
            method: request.method, path: String(decoding: pathBytes, as: UTF8.self),
            query: (0..<params.count).map { "\(params.name($0))=\(params.value($0))" }, headers: lines,
            signedHeaders: auth.signedHeaders.sorted().joined(separator: ";"), payload: payload)
    }

    static func collapse(_ v: String) -> String {
        var out = ""
        var space = false
        for c in v.trimmingSpaces {
            if c == " " || c == "\t" {
                space = true
                continue
            }
            if space, !out.isEmpty { out.append(" ") }
            space = false
            out.append(c)
        }
        return out
    }

    /// The signature with `secret`, the request's date and scope. The key is derived from the
    /// scope's own four parts as sent (not a fixed `aws4_request` terminator), as the client did.
    func signature(secret: String, amzDate: String, scope: [String]) -> String? {
        guard scope.count >= 4 else { return nil }
        let sts = SigV4Canonical.stringToSign(
            amzDate: amzDate, scope: scope.joined(separator: "/"), canonicalRequest: canonicalRequest)
        var key = HMACKey<SHA256>(key: "AWS4" + secret).authenticate(scope[0])
        for part in scope[1..<4] { key = HMACKey<SHA256>(key: key).authenticate(part) }
        return SigV4Canonical.signature(signingKey: key, stringToSign: sts)
    }
}
