import Dispatch
import Foundation
import SignetHTTP
import Synchronization

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// Measures how far the local clock is from a server's by reading the `Date` header of a few
/// requests (`HEAD` by default; any status will do, a 403 carries `Date` too).
///
/// `Date` has 1-second resolution, so one exchange only pins the offset to an interval
/// `1 s + round trip` wide (see ``ClockSample``). The probe schedules every later request so that
/// it reaches the server just as the server's second ticks, going by the offsets still possible;
/// whichever way the tick falls halves the interval. Intersecting the intervals of 5 samples
/// leaves about `1/16 s + round trip`.
///
/// Requests go through `URLSession` (FoundationNetworking, libcurl on Linux), so `https` and the
/// `http_proxy` / `https_proxy` / `no_proxy` environment variables work as for curl. Redirects
/// are not followed: the first server's `Date` is the one measured. Responses with an `Age`
/// header came from a cache and are skipped.
///
/// ```swift
/// let result = try ClockSkewProbe(url: "https://examplebucket-1250000000.cos.ap-guangzhou.myqcloud.com/").measure()
/// print(result.estimate.offset, result.estimate.uncertainty, result.verdict.explanation)
/// ```
public struct ClockSkewProbe: Sendable {
    /// The URL requested.
    public let url: URL
    /// How many requests to send (1...50).
    public let samples: Int
    /// Seconds to wait for each answer.
    public let timeout: Double
    /// `HEAD` (default) or `GET`.
    public let method: String
    /// Whether to time later requests against the server's second boundary (default true).
    public var refine = true
    /// The local clock being judged.
    public let clock: any SigningClock

    /// Checks the arguments.
    /// - Throws: ``ClockSkewError/notHTTP(url:)`` or ``ClockSkewError/badArgument(name:problem:)``.
    public init(
        url: String, samples: Int = 5, timeout: Double = 5, method: String = "HEAD",
        clock: any SigningClock = SystemClock()
    ) throws {
        guard let u = URL(string: url), let scheme = u.scheme?.lowercased(), scheme == "http" || scheme == "https",
            let host = u.host, !host.isEmpty
        else { throw ClockSkewError.notHTTP(url: url) }
        guard (1...50).contains(samples) else {
            throw ClockSkewError.badArgument(name: "samples", problem: "\(samples) is out of range (allowed: 1...50)")
        }
        guard timeout.isFinite, timeout > 0, timeout <= 300 else {
            throw ClockSkewError.badArgument(
                name: "timeout", problem: "\(timeout) s is out of range (allowed: more than 0, at most 300)")
        }
        guard method == "HEAD" || method == "GET" else {
            throw ClockSkewError.badArgument(name: "method", problem: "\(method) (allowed: HEAD, GET)")
        }
        self.url = u
        self.samples = samples
        self.timeout = timeout
        self.method = method
        self.clock = clock
    }

    /// What a measurement found.
    public struct Result: Sendable {
        /// The URL measured.
        public let url: String
        /// Offset, uncertainty and the samples.
        public let estimate: OffsetEstimate
        /// What the offset means for signing.
        public let verdict: SkewVerdict
        /// Requests that gave no sample, and why (timeouts, cached answers).
        public let skipped: [String]
    }

    /// Sends the requests and combines them. Blocks the calling thread (at most about
    /// `samples × (timeout + 1 s)`).
    /// - Throws: ``ClockSkewError`` when no offset can be told.
    public func measure() throws -> Result {
        let delegate = NoRedirects()
        let config = URLSessionConfiguration.ephemeral
        config.timeoutIntervalForRequest = timeout
        config.timeoutIntervalForResource = timeout + 1
        config.requestCachePolicy = .reloadIgnoringLocalCacheData
        config.urlCache = nil
        config.httpMaximumConnectionsPerHost = 1
        let session = URLSession(configuration: config, delegate: delegate, delegateQueue: nil)
        defer { session.invalidateAndCancel() }

        var taken: [ClockSample] = []
        var skipped: [String] = []
        var firstFailure: ClockSkewError?
        var cachedAge: String?
        for index in 0..<samples {
            if index > 0, refine, let estimate = OffsetEstimate(samples: taken) {
                waitForTick(estimate)
            }
            let exchange = send(session)
            switch exchange.outcome {
            case .failure(let error):
                // A missing or broken Date will not get better on retry; a network error might.
                switch error {
                case .timedOut, .unreachable, .tls:
                    firstFailure = firstFailure ?? error
                    skipped.append("request \(index + 1): \(error)")
                    if taken.isEmpty, index >= 1 { throw error }  // two failures and nothing measured: give up
                default:
                    throw error
                }
            case .success(let head):
                if let age = head.age {
                    cachedAge = age
                    skipped.append("request \(index + 1): answered from a cache (Age: \(age)); its Date is ignored")
                    continue
                }
                guard let dateText = head.date else { throw ClockSkewError.noDateHeader(status: head.status) }
                let date = try ClockSkewError.parseDate(dateText)
                taken.append(
                    ClockSample(
                        sent: exchange.sent, received: exchange.received, serverDate: date, status: head.status))
            }
        }
        guard let estimate = OffsetEstimate(samples: taken) else {
            if let firstFailure { throw firstFailure }
            throw ClockSkewError.onlyCachedResponses(age: cachedAge ?? "?")
        }
        var verdict = SkewVerdict(offset: estimate.offset, uncertainty: estimate.uncertainty)
        if !estimate.consistent {
            verdict = SkewVerdict(
                code: verdict.code,
                explanation: verdict.explanation
                    + " Note: the samples contradict each other (a clock jumped, or several servers answer), so the interval spans all of them."
            )
        }
        return Result(url: url.absoluteString, estimate: estimate, verdict: verdict, skipped: skipped)
    }

    /// Sleeps until a request sent now would reach the server when, by the middle of the offsets
    /// still possible, the server's second ticks. No wait when the interval cannot shrink further.
    private func waitForTick(_ estimate: OffsetEstimate) {
        guard estimate.consistent, estimate.upper - estimate.lower > 2 * estimate.roundTrip + 0.004 else { return }
        let middle = (estimate.lower + estimate.upper) / 2
        let halfTrip = estimate.roundTrip / 2
        let now = clock.now()
        // The server's second ticks at local times k − θ; aim the request's midpoint there.
        let tick = (now + 0.005 + halfTrip + middle).rounded(.up)
        let sendAt = tick - middle - halfTrip
        let wait = sendAt - clock.now()
        if wait > 0, wait < 2 { Thread.sleep(forTimeInterval: wait) }
    }

    /// The bits of a response head the probe needs (Sendable, unlike `URLResponse`).
    struct Head: Sendable {
        let status: Int
        let date: String?
        let age: String?
    }

    struct Exchange: Sendable {
        let sent: Double
        let received: Double
        let outcome: Swift.Result<Head, ClockSkewError>
    }

    private func send(_ session: URLSession) -> Exchange {
        var request = URLRequest(url: url, cachePolicy: .reloadIgnoringLocalCacheData, timeoutInterval: timeout)
        request.httpMethod = method
        request.setValue("no-cache", forHTTPHeaderField: "Cache-Control")
        request.setValue("signet-skew", forHTTPHeaderField: "User-Agent")
        let host = url.port.map { "\(url.host ?? ""):\($0)" } ?? (url.host ?? "")
        let seconds = timeout
        let clock = self.clock
        let done = DispatchSemaphore(value: 0)
        let box = Mutex<Exchange?>(nil)
        let sent = clock.now()
        let task = session.dataTask(with: request) { _, response, error in
            let received = clock.now()
            let outcome: Swift.Result<Head, ClockSkewError>
            if let http = response as? HTTPURLResponse {
                outcome = .success(
                    Head(
                        status: http.statusCode, date: http.value(forHTTPHeaderField: "Date"),
                        age: http.value(forHTTPHeaderField: "Age")))
            } else {
                outcome = .failure(ClockSkewProbe.describe(error, host: host, timeout: seconds))
            }
            box.withLock { $0 = Exchange(sent: sent, received: received, outcome: outcome) }
            done.signal()
        }
        task.resume()
        if done.wait(timeout: .now() + seconds + 2) == .timedOut {
            task.cancel()
            return Exchange(
                sent: sent, received: clock.now(), outcome: .failure(.timedOut(host: host, seconds: seconds)))
        }
        return box.withLock { $0! }
    }

    static func describe(_ error: (any Error)?, host: String, timeout: Double) -> ClockSkewError {
        guard let error else { return .unreachable(host: host, reason: "no HTTP response") }
        if let e = error as? URLError {
            // On Linux, curl's certificate and handshake failures arrive with generic codes; their
            // text still says what happened.
            let text = e.localizedDescription.lowercased()
            if e.code != .timedOut, ["ssl", "tls", "certificate", "handshake"].contains(where: text.contains) {
                return .tls(host: host, reason: e.localizedDescription)
            }
            switch e.code {
            case .timedOut: return .timedOut(host: host, seconds: timeout)
            case .secureConnectionFailed, .serverCertificateUntrusted, .serverCertificateHasBadDate,
                .serverCertificateNotYetValid, .serverCertificateHasUnknownRoot, .clientCertificateRejected,
                .clientCertificateRequired:
                return .tls(host: host, reason: e.localizedDescription)
            case .cannotConnectToHost: return .unreachable(host: host, reason: "connection refused")
            case .cannotFindHost, .dnsLookupFailed: return .unreachable(host: host, reason: "unknown host")
            default: return .unreachable(host: host, reason: e.localizedDescription)
            }
        }
        return .unreachable(host: host, reason: "\(error)")
    }
}

/// Refuses redirects, so the server named is the one measured.
private final class NoRedirects: NSObject, URLSessionTaskDelegate, @unchecked Sendable {
    func urlSession(
        _ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
        newRequest request: URLRequest, completionHandler: @escaping @Sendable (URLRequest?) -> Void
    ) {
        completionHandler(nil)
    }
}
