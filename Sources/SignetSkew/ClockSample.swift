/// One exchange with a server: when the request left, when the answer came back (both on the
/// local clock, Unix seconds) and the server's `Date` (whole seconds).
///
/// `Date` is the server's clock truncated to the second at some instant while the request was
/// in flight, so the sample pins the offset `θ = serverTime − localTime` to an interval:
///
///     date ≤ t + θ < date + 1   for some local t in [sent, received]
///     ⇒ date − received ≤ θ < date + 1 − sent
///
/// The interval is `1 s + round trip` wide. Several samples taken at different phases of the
/// server's second narrow it down (see ``OffsetEstimate``).
public struct ClockSample: Sendable, Equatable, Codable {
    /// Local time the request was handed to the network (Unix seconds).
    public let sent: Double
    /// Local time the response head arrived (Unix seconds).
    public let received: Double
    /// The server's `Date`, whole Unix seconds.
    public let serverDate: Int64
    /// The resolution of ``serverDate`` in seconds (1 for HTTP dates).
    public let resolution: Double
    /// HTTP status of the response, when the sample came from one.
    public let status: Int?

    /// Creates a sample. `received` must not be earlier than `sent`.
    public init(sent: Double, received: Double, serverDate: Int64, resolution: Double = 1, status: Int? = nil) {
        self.sent = sent
        self.received = max(received, sent)
        self.serverDate = serverDate
        self.resolution = resolution
        self.status = status
    }

    /// `received − sent`.
    public var roundTrip: Double { received - sent }

    /// The smallest offset consistent with this sample.
    public var lowerBound: Double { Double(serverDate) - received }

    /// The largest offset consistent with this sample (exclusive).
    public var upperBound: Double { Double(serverDate) + resolution - sent }

    /// The classic point estimate `serverDate − midpoint(sent, received)`, with half a second added
    /// because `Date` truncates: the middle of ``lowerBound``..<``upperBound``.
    public var offset: Double { (lowerBound + upperBound) / 2 }
}

/// The clock offset a set of samples supports: `serverTime − localTime`, in seconds, with an
/// honest uncertainty. Positive means the local clock is behind the server's.
public struct OffsetEstimate: Sendable, Equatable {
    /// Best value: the middle of ``lower``…``upper``.
    public let offset: Double
    /// Half the width of ``lower``…``upper``: the true offset lies within `offset ± uncertainty`
    /// as long as the server truncates its clock to whole seconds in `Date` (RFC 9110) and
    /// neither clock jumped during the measurement.
    public let uncertainty: Double
    /// Smallest offset consistent with the samples.
    public let lower: Double
    /// Largest offset consistent with the samples.
    public let upper: Double
    /// The smallest round trip among the samples.
    public let roundTrip: Double
    /// False when the samples contradict each other (their intervals do not overlap: a clock
    /// jumped, or several servers with different clocks answer behind one name). The estimate
    /// then spans all samples and is correspondingly wide.
    public let consistent: Bool
    /// The samples it is made of, in the order they were taken.
    public let samples: [ClockSample]

    /// Intersects the samples' intervals; nil for no samples.
    public init?(samples: [ClockSample]) {
        guard !samples.isEmpty else { return nil }
        self.samples = samples
        var lo = -Double.infinity
        var hi = Double.infinity
        for s in samples {
            lo = max(lo, s.lowerBound)
            hi = min(hi, s.upperBound)
        }
        if lo <= hi {
            consistent = true
        } else {
            consistent = false
            lo = samples.map(\.lowerBound).min()!
            hi = samples.map(\.upperBound).max()!
        }
        lower = lo
        upper = hi
        offset = (lo + hi) / 2
        uncertainty = (hi - lo) / 2
        roundTrip = samples.map(\.roundTrip).min()!
    }

    /// True when `value` lies within ``lower``…``upper``.
    public func contains(_ value: Double) -> Bool { value >= lower && value <= upper }
}
