import SignetHTTP
import SignetSkew

/// Reads the signed window of a request (a thin wrapper so rules share one call).
enum SignedWindowProbe {
    static func window(_ request: ExchangeRequest, _ url: RequestURL) -> SignedWindow? {
        SignedWindow.extract(url: url, headers: request.headers)
    }
}
