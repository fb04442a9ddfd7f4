import ArgumentParser
import Foundation
import Signet

/// `--clock-offset` / `--sync-clock`: sign with this machine's clock corrected to the server's.
///
/// Signing commands include it with `@OptionGroup var clock: ClockOptions` and pass
/// `try clock.makeClock()` to their signer.
struct ClockOptions: ParsableArguments {
    @Option(
        name: .customLong("clock-offset"), parsing: .unconditional,
        help: ArgumentHelp(
            "Seconds to add to this machine's clock when signing (server − local; negative when this clock is ahead).",
            valueName: "seconds"))
    var clockOffset: Double?

    @Option(
        name: .customLong("sync-clock"),
        help: ArgumentHelp(
            "Measure this machine's clock offset from URL's Date header (as `signet skew` does), then sign with it.",
            valueName: "url"))
    var syncClock: String?

    /// The clock signers should use: the system clock, shifted by `--clock-offset` or by the offset
    /// `--sync-clock` measured.
    func makeClock() throws -> any SigningClock {
        if clockOffset != nil, syncClock != nil {
            throw SignetError(
                "--clock-offset / --sync-clock", "both given",
                allowed: "one of them: a known offset or a URL to measure")
        }
        if let syncClock {
            let result: ClockSkewProbe.Result
            do {
                result = try ClockSkewProbe(url: syncClock).measure()
            } catch let error as ClockSkewError {
                throw SignetError("--sync-clock", error.description, allowed: "an http(s) URL that answers with a Date")
            }
            let e = result.estimate
            printError(
                "signet: --sync-clock \(syncClock): offset \(SkewCommand.seconds(e.offset)) s ± \(SkewCommand.seconds(e.uncertainty)) s; signing with this machine's clock shifted by it"
            )
            return try ClockOptions.checked(e.offset, field: "--sync-clock")
        }
        guard let clockOffset else { return SystemClock() }
        return try ClockOptions.checked(clockOffset, field: "--clock-offset")
    }

    /// An offset clock, refusing offsets that are not numbers or that put "now" outside 2000...2100.
    static func checked(_ offset: Double, field: String) throws -> any SigningClock {
        let system = SystemClock()
        let corrected = system.now() + offset
        guard offset.isFinite, corrected >= 946_684_800, corrected < 4_102_444_800 else {
            throw SignetError(
                field,
                "\(offset) s is absurd: it would make the signing time \(offset.isFinite ? UTCTime.iso8601(corrected) : "undefined")",
                allowed: "an offset that puts now between 2000 and 2100, e.g. -1800")
        }
        return OffsetClock(system, offset: offset)
    }
}
