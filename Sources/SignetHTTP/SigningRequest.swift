/// A request to sign: method, wire URL, header fields in order, and the body when it is known.
public struct SigningRequest: Sendable {
    /// The HTTP method, e.g. `GET`.
    public var method: String
    /// The wire URL.
    public var url: RequestURL
    /// The header fields, in order, repeats kept.
    public var headers: HTTPHeaders
    /// The body bytes; `nil` when unknown or streamed (the signer then needs a payload setting).
    public var body: [UInt8]?

    /// Creates a request, validating the method and every header.
    public init(method: String, url: RequestURL, headers: HTTPHeaders = HTTPHeaders(), body: [UInt8]? = nil) throws {
        try SigningRequest.validateMethod(method)
        try headers.validate()
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
    }

    /// Creates a request from a URL string.
    public init(method: String, url: String, headers: HTTPHeaders = HTTPHeaders(), body: [UInt8]? = nil) throws {
        try self.init(method: method, url: try RequestURL(url), headers: headers, body: body)
    }

    /// Throws unless `method` is an RFC 9110 token.
    @inlinable public static func validateMethod(_ method: String) throws {
        switch method {
        case "GET", "PUT", "HEAD", "POST", "DELETE": return  // small strings: compared as two words
        default: break
        }
        let valid = method.utf8.withContiguousStorageIfAvailable { bytes in
            !bytes.isEmpty && bytes.allSatisfy(HTTPHeaders.isTokenByte)
        }
        if valid != true { try methodError(method) }
    }

    /// The error for a method that is not a token (also for one whose bytes were not contiguous,
    /// which are then checked one by one).
    @usableFromInline static func methodError(_ method: String) throws {
        let allowed = "an HTTP method token such as GET, PUT, POST, DELETE, HEAD"
        guard !method.isEmpty else { throw SignetError("method", "is empty", allowed: allowed) }
        guard method.utf8.allSatisfy(HTTPHeaders.isTokenByte) else {
            throw SignetError("method", "\"\(method)\" contains characters not allowed in a method", allowed: allowed)
        }
    }
}
