import SignetHTTP

/// Why a signed request is, or is not, valid at the server's time, with the numbers.
///
/// It separates the two causes of "Request has expired" that the COS FAQ names (the window is
/// over; the local clock is off) and a third one, a temporary key that ran out.
public struct ExpiryAnalysis: Sendable {
    /// The verdict.
    public enum Verdict: Sendable, Equatable {
        /// Valid at the server's time.
        case valid
        /// The window closed this many seconds before the server's time.
        case expired(by: Double)
        /// The window opens this many seconds after the server's time.
        case notYetValid(by: Double)
    }

    /// What made it invalid.
    public enum Cause: String, Sendable {
        /// Nothing: valid.
        case none
        /// The window itself is over (or starts in the future) and the client's clock agrees with the server.
        case signatureWindow
        /// The window was computed from a clock that is off from the server's.
        case localClock
        /// The temporary key expired, or the window outlives what a temporary key can live.
        case temporaryKey
    }

    public let window: SignedWindow
    /// The server's time (Unix seconds) the verdict is measured against.
    public let serverTime: Double
    /// Where the server time comes from (e.g. "response Date header").
    public let serverTimeSource: String
    /// The client's clock when it sent the request, if known.
    public let localTime: Double?
    /// `serverTime − localTime` when both are known: positive means the local clock is behind.
    public let clockOffset: Double?
    public let verdict: Verdict
    public let cause: Cause
    /// One paragraph in plain words with the numbers.
    public let explanation: String

    /// How far the two clocks may differ before they count as "off" (Date has 1-s resolution,
    /// and a request takes time to travel).
    public static let clockAgreement: Double = 5

    /// Temporary keys of a root account live at most this long (COS FAQ: 2 hours).
    public static let longestTemporaryKey: Int64 = 7200

    /// Analyses `window` against `serverTime`.
    /// - Parameters:
    ///   - localTime: the client's clock when it sent (or signed) the request, if known.
    ///   - keyExpiration: when the temporary key expires, if known.
    public init(
        window: SignedWindow, serverTime: Double, serverTimeSource: String, localTime: Double? = nil,
        keyExpiration: Int64? = nil
    ) {
        self.window = window
        self.serverTime = serverTime
        self.serverTimeSource = serverTimeSource
        self.localTime = localTime
        let offset = localTime.map { serverTime - $0 }
        clockOffset = offset
        let start = Double(window.start)
        let end = Double(window.end)
        let verdict: Verdict =
            serverTime > end
            ? .expired(by: serverTime - end) : serverTime < start ? .notYetValid(by: start - serverTime) : .valid
        self.verdict = verdict

        let clockOff = offset.map { abs($0) > ExpiryAnalysis.clockAgreement } ?? false
        // Was the window fine by the client's own clock? Then the clock, not the window, is to blame.
        let validByLocalClock = localTime.map { $0 >= start - ExpiryAnalysis.clockAgreement && $0 <= end } ?? false
        let keyExpired = keyExpiration.map { Double($0) < serverTime } ?? false
        let windowOutlivesKey =
            window.hasSessionToken
            && (keyExpiration.map { window.end > $0 }
                ?? (window.end - window.start > ExpiryAnalysis.longestTemporaryKey))

        var cause: Cause
        switch verdict {
        case .valid:
            cause = keyExpired ? .temporaryKey : .none
        case .expired:
            if clockOff && validByLocalClock {
                cause = .localClock
            } else if window.hasSessionToken && (keyExpired || windowOutlivesKey) {
                cause = .temporaryKey
            } else {
                cause = .signatureWindow
            }
        case .notYetValid:
            cause = clockOff ? .localClock : .signatureWindow
        }
        self.cause = cause
        self.explanation = ExpiryAnalysis.explain(
            window: window, serverTime: serverTime, source: serverTimeSource, offset: offset, verdict: verdict,
            cause: cause,
            keyExpiration: keyExpiration)
    }

    /// Seconds in words: `1800 s (30 min)`.
    public static func humanSeconds(_ s: Double) -> String {
        let a = abs(s)
        let whole = a.rounded() == a ? "\(Int64(a)) s" : "\(Double(Int((a * 10).rounded())) / 10) s"
        if a >= 86400 { return "\(whole) (\(String(format1(a / 86400))) d)" }
        if a >= 3600 { return "\(whole) (\(String(format1(a / 3600))) h)" }
        if a >= 120 { return "\(whole) (\(String(format1(a / 60))) min)" }
        return whole
    }

    private static func format1(_ v: Double) -> String {
        let r = (v * 10).rounded() / 10
        return r == r.rounded() ? "\(Int64(r))" : "\(r)"
    }

    private static func explain(
        window: SignedWindow, serverTime: Double, source: String, offset: Double?, verdict: Verdict, cause: Cause,
        keyExpiration: Int64?
    ) -> String {
        let opened = UTCTime.iso8601(window.start)
        let closed = UTCTime.iso8601(window.end)
        var text =
            "The signature is valid from \(opened) to \(closed); the server's time was \(UTCTime.iso8601(serverTime)) (\(source))."
        switch verdict {
        case .valid: text += " At that time the window was open."
        case .expired(let by): text += " The window had closed \(humanSeconds(by)) earlier."
        case .notYetValid(let by): text += " The window opens \(humanSeconds(by)) after that."
        }
        if let offset {
            if abs(offset) > clockAgreement {
                text +=
                    " The client's clock was \(humanSeconds(offset)) \(offset > 0 ? "behind" : "ahead of") the server's."
            } else {
                text += " The client's clock agreed with the server's (within \(humanSeconds(offset)))."
            }
        }
        switch cause {
        case .none: break
        case .signatureWindow:
            let state = serverTime > Double(window.end) ? "is over" : "starts in the future"
            if offset != nil {
                text += " The clock is not to blame: the window itself \(state)."
            } else {
                text +=
                    " The window itself \(state) at the server's time. The client's clock was not given, so a wrong"
                    + " clock cannot be ruled out: if the request was signed moments before it was sent, check the clock"
                    + " (signet skew)."
            }
        case .localClock:
            text += " The window was computed from a wrong clock: by the client's clock it was valid."
        case .temporaryKey:
            if let keyExpiration {
                text +=
                    " The temporary key expired at \(UTCTime.iso8601(keyExpiration)); a signature cannot outlive its key."
            } else {
                text +=
                    " It was signed with a temporary key, and the window asked for (\(humanSeconds(Double(window.end - window.start)))) is longer than a temporary key lives (at most 2 h for a root account)."
            }
        }
        return text
    }
}
