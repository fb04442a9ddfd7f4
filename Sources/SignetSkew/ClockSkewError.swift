import SignetHTTP

/// Why a clock offset could not be measured. Every case says so plainly: Signet reports
/// "cannot tell" rather than a made-up number.
public enum ClockSkewError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The URL is not an `http` or `https` URL with a host (bad input).
    case notHTTP(url: String)
    /// An argument is out of range (bad input).
    case badArgument(name: String, problem: String)
    /// No connection could be made: refused, unknown host, no route, proxy failure.
    case unreachable(host: String, reason: String)
    /// The server did not answer within the timeout.
    case timedOut(host: String, seconds: Double)
    /// The TLS handshake failed (untrusted certificate, wrong host name, protocol error).
    case tls(host: String, reason: String)
    /// The response carries no `Date` header.
    case noDateHeader(status: Int?)
    /// The `Date` header (or a time in the body) is not a valid date.
    case malformedDate(field: String, value: String)
    /// The server's date is not a plausible current time (before 2000 or after 2100).
    case implausibleDate(field: String, value: String)
    /// Every response came from a cache (`Age` header), so its `Date` is not the server's now.
    case onlyCachedResponses(age: String)
    /// A saved response holds no server time at all.
    case noServerTime

    /// True for errors in what the caller passed (exit status 2), false for "cannot tell".
    public var isBadInput: Bool {
        switch self {
        case .notHTTP, .badArgument: return true
        default: return false
        }
    }

    public var description: String {
        switch self {
        case .notHTTP(let url):
            return
                "url \"\(url)\": not an http:// or https:// URL with a host; the skew probe needs a web server that sends a Date header"
        case .badArgument(let name, let problem):
            return "\(name): \(problem)"
        case .unreachable(let host, let reason):
            return "cannot tell the clock offset: \(host) is unreachable (\(reason))"
        case .timedOut(let host, let seconds):
            return
                "cannot tell the clock offset: \(host) did not answer within \(SkewVerdict.decimals(seconds, 3)) s (raise --timeout?)"
        case .tls(let host, let reason):
            return "cannot tell the clock offset: the TLS handshake with \(host) failed (\(reason))"
        case .noDateHeader(let status):
            return
                "cannot tell the clock offset: the response\(status.map { " (HTTP \($0))" } ?? "") has no Date header"
        case .malformedDate(let field, let value):
            return "cannot tell the clock offset: \(field) \"\(value)\" is not a valid date"
        case .implausibleDate(let field, let value):
            return
                "cannot tell the clock offset: \(field) \"\(value)\" is not a plausible current time (before 2000 or after 2100); that server's clock is broken"
        case .onlyCachedResponses(let age):
            return
                "cannot tell the clock offset: every response came from a cache (Age: \(age)), so its Date is not the server's current time"
        case .noServerTime:
            return
                "cannot tell the server's time: the response has no Date header and no <ServerTime> in its body"
        }
    }

    /// Unix seconds of 2000-01-01 and 2100-01-01: server times outside are not believed.
    static let plausible: ClosedRange<Double> = 946_684_800...4_102_444_800

    /// Parses an HTTP `Date` value, refusing malformed and implausible ones.
    static func parseDate(_ value: String, field: String = "Date") throws -> Int64 {
        guard let t = UTCTime.parseHTTPDate(value.trimmingSpaces) else {
            throw ClockSkewError.malformedDate(field: field, value: value)
        }
        guard plausible.contains(Double(t)) else { throw ClockSkewError.implausibleDate(field: field, value: value) }
        return t
    }
}
