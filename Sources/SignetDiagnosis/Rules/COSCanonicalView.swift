import COSSigning
import SignetHTTP

/// Signet's own COS HttpString for a request as given, restricted to the header and parameter
/// names the request's signature lists, and the same split into components for comparison.
struct COSCanonicalView: Sendable, Equatable {
    var method: String
    var path: String
    /// `name=value` pairs, encoded and sorted.
    var parameters: [String]
    var headers: [String]

    /// The HttpString: `method\npath\nparams\nheaders\n`.
    var httpString: String {
        "\(method)\n\(path)\n\(parameters.joined(separator: "&"))\n\(headers.joined(separator: "&"))\n"
    }
}

extension COSCanonicalView {
    /// Splits an echoed `FormatString`; nil when it does not have four lines.
    init?(formatString: String) {
        var text = formatString.replacingAll("\r\n", with: "\n")
        if text.hasSuffix("\n") { text.removeLast() }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard lines.count == 4 else { return nil }
        method = lines[0]
        path = lines[1]
        parameters = lines[2].isEmpty ? [] : lines[2].split(separator: "&").map(String.init)
        headers = lines[3].isEmpty ? [] : lines[3].split(separator: "&").map(String.init)
    }

    /// Computes the view for `request`, signing the lists in `auth`. `pathOverride` replaces the
    /// decoded path (for hypotheses such as "the client signed the encoded path").
    static func compute(
        _ request: ExchangeRequest, url: RequestURL, auth: RequestAuth, pathOverride: String? = nil,
        headerOverrides: [String: String] = [:]
    ) -> COSCanonicalView? {
        guard let decoded = try? url.decodedPath() else { return nil }
        let path = pathOverride ?? String(decoding: decoded, as: UTF8.self)
        var params = EncodedPairs()
        let wantedParams = Set(auth.signedParameters)
        do {
            try params.addQuery(of: url, lowercaseNames: true)
        } catch {
            return nil
        }
        params.filter { wantedParams.contains(String(decoding: $0, as: UTF8.self)) }
        params.sort()
        var headerValues: [(String, String)] = []
        for name in auth.signedHeaders {
            let values = request.headers.values(name)
            var value: String? = values.isEmpty ? nil : values.map(\.trimmingSpaces).joined(separator: ",")
            if value == nil, name == "host" { value = url.authority }
            if let o = headerOverrides[name] { value = o }
            if let value { headerValues.append((name, value)) }
        }
        var headers = EncodedPairs()
        for (n, v) in headerValues { headers.add(name: n, value: v, lowercaseName: true) }
        headers.sort()
        return COSCanonicalView(
            method: request.method.lowercased(), path: path,
            parameters: (0..<params.count).map { "\(params.name($0))=\(params.value($0))" },
            headers: (0..<headers.count).map { "\(headers.name($0))=\(headers.value($0))" })
    }

    /// The signature this view gives with `secret` and the request's key time.
    func signature(secret: String, keyTime: String) -> String? {
        guard let kt = try? KeyTime(parsing: keyTime) else { return nil }
        let sts = COSCanonical.stringToSign(keyTime: kt, httpString: httpString)
        return COSCanonical.signature(signKey: COSCanonical.signKey(secretKey: secret, keyTime: kt), stringToSign: sts)
    }
}
