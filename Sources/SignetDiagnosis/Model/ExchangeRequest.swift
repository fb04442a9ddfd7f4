import SignetHTTP

/// A request as the person has it: looser than `SigningRequest`, because a failing request may
/// itself be malformed. Nothing here is validated until a rule needs it.
public struct ExchangeRequest: Sendable {
    /// The method as given (`GET`, `put`, …).
    public var method: String
    /// The URL as given: absolute, as on the wire.
    public var url: String
    /// Header fields in order.
    public var headers: HTTPHeaders
    /// The body bytes when known.
    public var body: [UInt8]?

    /// Creates a request.
    public init(method: String, url: String, headers: HTTPHeaders = HTTPHeaders(), body: [UInt8]? = nil) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
    }

    /// The method in upper case.
    public var upperMethod: String { method.uppercased() }

    /// The parsed URL, or nil when it is not a valid absolute URL.
    public var parsedURL: RequestURL? { try? RequestURL(url) }

    /// The decoded query items, or an empty list.
    public var queryItems: [(name: String, value: String?)] { (try? parsedURL?.decodedQueryItems()) ?? [] }

    /// The first query value of `name` (case-sensitive first, then any case); `""` for a bare item.
    public func query(_ name: String) -> String? {
        let items = queryItems
        if let hit = items.first(where: { $0.name == name }) { return hit.value ?? "" }
        return items.first { $0.name.lowercased() == name.lowercased() }.map { $0.value ?? "" }
    }
}
