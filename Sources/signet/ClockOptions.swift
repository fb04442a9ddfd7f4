import ArgumentParser
import Signet

/// `--clock-offset`: sign with the machine's clock shifted by a known number of seconds.
struct ClockOptions: ParsableArguments {
    @Option(
        name: .customLong("clock-offset"), help: "Seconds to add to this machine's clock when signing (server − local)."
    )
    var clockOffset: Double?

    /// The clock signers should use.
    func makeClock() throws -> any SigningClock {
        guard let clockOffset else { return SystemClock() }
        guard clockOffset.isFinite, abs(clockOffset) <= 366 * 86400 else {
            throw SignetError("--clock-offset", "\(clockOffset) s is absurd", allowed: "up to ±1 year in seconds")
        }
        return OffsetClock(SystemClock(), offset: clockOffset)
    }
}
