import SignetHTTP

/// Everything the rules read about one exchange, parsed once.
struct Situation: Sendable {
    let exchange: Exchange
    let context: DiagnosisContext
    let request: ExchangeRequest?
    let response: ExchangeResponse?
    let body: ResponseBody
    let error: ServiceError?
    let auth: RequestAuth?
    let url: RequestURL?

    init(_ exchange: Exchange, context: DiagnosisContext) {
        self.exchange = exchange
        self.context = context
        request = exchange.request
        response = exchange.response
        body = exchange.response.map { ResponseBody.classify($0.body) } ?? .empty
        error = body.serviceError
        auth = exchange.request.map(RequestAuth.init)
        url = exchange.request?.parsedURL
    }

    var status: Int? { response?.status }
    var code: String? { error?.code }
    var message: String { error?.message ?? "" }
    var method: String { request?.upperMethod ?? "" }

    /// True when the error code is `code` (case-insensitive).
    func isCode(_ code: String) -> Bool { self.code?.lowercased() == code.lowercased() }

    /// The server's clock: `ServerTime` element, else the response `Date` header.
    var serverTime: (time: Double, source: String, text: String)? {
        if let t = error?.serverTime, let v = UTCTime.parseAny(t) { return (v, "ServerTime element", t) }
        if let d = response?.headers["Date"], let v = UTCTime.parseHTTPDate(d) {
            return (Double(v), "response Date header", d)
        }
        return nil
    }

    /// The client's clock when it sent the request: the context's local time, else a `Date` header
    /// the client sent, else a SigV4 header-mode `x-amz-date` (the signer's clock at signing).
    var clientTime: (time: Double, source: String, text: String)? {
        if let t = context.localTime { return (t, "local time given", UTCTime.iso8601(t)) }
        if let d = request?.headers["Date"], let v = UTCTime.parseHTTPDate(d) {
            return (Double(v), "request Date header", d)
        }
        if let auth, auth.scheme == .sigv4, !auth.inQuery, let d = request?.headers["x-amz-date"],
            let v = UTCTime.parseAmzDateTime(d)
        {
            return (Double(v), "request x-amz-date header", d)
        }
        return nil
    }

    /// True for a host that belongs to COS's own domains.
    var isCOSHost: Bool {
        guard let host = url?.host.lowercased() else { return false }
        return host.hasSuffix(".myqcloud.com") || host.hasSuffix(".tencentcos.cn") || host.hasSuffix(".tencentcos.com")
    }

    /// The object key from the path (decoded, without the leading `/`), for virtual-host style.
    var pathKey: String? {
        guard let url, let bytes = try? url.decodedPath() else { return nil }
        return String(String(decoding: bytes, as: UTF8.self).dropFirst())
    }
}
