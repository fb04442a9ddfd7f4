import SignetHTTP
import Synchronization

/// A signing clock that corrects the local clock by the offset the server's responses reveal.
///
/// Feed it every response (`record(headers:sent:received:)`); it reads `Date`, turns it into an
/// interval of possible offsets (see ``ClockSample``), intersects it with what it already knows
/// and applies the middle. It follows the designs that work in the AWS SDKs and fixes the
/// problems their users reported:
/// - responses with an `Age` header come from a cache and are ignored;
/// - when the offset measured from a new response is disjoint from the old one (the clock was
///   set, or drifted), the old knowledge is dropped instead of being trusted forever;
/// - when the clocks agree again (the offsets still possible include 0), no correction is
///   applied: the offset returns to 0;
/// - the correction can be switched off (``isEnabled``), and is never applied from responses that
///   arrive while it is off.
///
/// It is thread-safe: share one tracker between all signers talking to the same service.
///
/// ```swift
/// let tracker = ClockOffsetTracker()
/// let signer = COSSigner(credentials: creds, clock: tracker)
/// let sent = tracker.localNow()
/// // … send the request, get the response …
/// tracker.record(headers: responseHeaders, sent: sent, received: tracker.localNow())
/// ```
public final class ClockOffsetTracker: SigningClock, Sendable {
    /// What a response did to the tracker.
    public enum Update: Sendable, Equatable {
        /// The correction is now this many seconds (0 when the clocks agree).
        case applied(offset: Double)
        /// Ignored: the response came from a cache (`Age` header).
        case ignoredCached
        /// Ignored: no `Date` header.
        case ignoredNoDate
        /// Ignored: the `Date` header is malformed or not a plausible current time.
        case ignoredBadDate
        /// Ignored: correction is switched off.
        case disabled
    }

    private struct State {
        var enabled: Bool
        var lower: Double?
        var upper: Double?
        var applied: Double = 0
    }

    /// The uncorrected local clock.
    public let base: any SigningClock
    private let state: Mutex<State>

    /// Creates a tracker over `base` (the system clock by default), with no correction yet.
    /// - Parameter enabled: false to opt out: the tracker then reads `base` unchanged.
    public init(base: any SigningClock = SystemClock(), enabled: Bool = true) {
        self.base = base
        self.state = Mutex(State(enabled: enabled))
    }

    /// The corrected time: the local clock plus the current offset (Unix seconds).
    public func now() -> Double {
        let offset = state.withLock { $0.enabled ? $0.applied : 0 }
        return base.now() + offset
    }

    /// The uncorrected local clock: use it for the `sent` and `received` times you record.
    public func localNow() -> Double { base.now() }

    /// The correction applied by ``now()`` (seconds, `serverTime − localTime`).
    public var offset: Double { state.withLock { $0.enabled ? $0.applied : 0 } }

    /// The offsets still consistent with what was recorded, or nil when nothing is known.
    public var interval: ClosedRange<Double>? {
        state.withLock { s in
            guard let lo = s.lower, let hi = s.upper else { return nil }
            return lo...hi
        }
    }

    /// Whether responses correct the clock. Switching it off drops what was learnt.
    public var isEnabled: Bool {
        get { state.withLock { $0.enabled } }
        set {
            state.withLock {
                $0.enabled = newValue
                if !newValue { $0 = State(enabled: false) }
            }
        }
    }

    /// Forgets every measurement: the offset is 0 again.
    public func reset() {
        state.withLock { $0 = State(enabled: $0.enabled) }
    }

    /// Learns from a response's headers. `sent` and `received` are ``localNow()`` readings taken
    /// just before sending and just after the response head arrived.
    @discardableResult
    public func record(headers: HTTPHeaders, sent: Double, received: Double) -> Update {
        record(date: headers["Date"], age: headers["Age"], sent: sent, received: received)
    }

    /// Learns from a response's `Date` and `Age` header values.
    @discardableResult
    public func record(date: String?, age: String?, sent: Double, received: Double) -> Update {
        guard isEnabled else { return .disabled }
        if age != nil { return .ignoredCached }
        guard let date else { return .ignoredNoDate }
        guard let seconds = try? ClockSkewError.parseDate(date) else { return .ignoredBadDate }
        return record(ClockSample(sent: min(sent, received), received: max(sent, received), serverDate: seconds))
    }

    /// Learns from one sample (for server times read elsewhere, e.g. an error body's `ServerTime`).
    @discardableResult
    public func record(_ sample: ClockSample) -> Update {
        state.withLock { s in
            guard s.enabled else { return .disabled }
            var lo = sample.lowerBound
            var hi = sample.upperBound
            if let oldLo = s.lower, let oldHi = s.upper, max(lo, oldLo) <= min(hi, oldHi) {
                lo = max(lo, oldLo)
                hi = min(hi, oldHi)
            }
            // Disjoint from the old interval: the clock changed; start again from this sample.
            s.lower = lo
            s.upper = hi
            s.applied = (lo <= 0 && hi >= 0) ? 0 : (lo + hi) / 2
            return .applied(offset: s.applied)
        }
    }
}
