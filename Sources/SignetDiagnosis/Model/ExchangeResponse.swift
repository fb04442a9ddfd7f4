import SignetHTTP

/// A response as the person has it: a status (when known), headers and body bytes.
public struct ExchangeResponse: Sendable {
    /// The HTTP status; nil when only a body was saved.
    public var status: Int?
    /// Header fields in order.
    public var headers: HTTPHeaders
    /// The body bytes (empty for HEAD and for bodies not saved).
    public var body: [UInt8]

    /// Creates a response.
    public init(status: Int?, headers: HTTPHeaders = HTTPHeaders(), body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = body
    }
}
