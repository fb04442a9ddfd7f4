#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Where signers read "now". Tests pass a fixed clock; production passes the system clock,
/// optionally corrected by a measured offset from the server.
public protocol SigningClock: Sendable {
    /// Seconds since 1970-01-01T00:00:00Z.
    func now() -> Double
}

/// The machine's real-time clock.
public struct SystemClock: SigningClock {
    public init() {}
    public func now() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_REALTIME, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }
}

/// A clock stuck at one instant.
public struct FixedClock: SigningClock {
    public let time: Double
    public init(_ time: Double) { self.time = time }
    public func now() -> Double { time }
}

/// Another clock shifted by a constant: `now() = base.now() + offset`.
///
/// With `offset = serverTime − localTime`, this reads the server's time.
public struct OffsetClock<Base: SigningClock>: SigningClock {
    public let base: Base
    public let offset: Double
    public init(_ base: Base, offset: Double) {
        self.base = base
        self.offset = offset
    }
    public func now() -> Double { base.now() + offset }
}
