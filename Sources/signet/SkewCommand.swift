import ArgumentParser
import Foundation
import Signet

struct SkewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "skew",
        abstract: "Measure this machine's clock offset from a server's Date header, or read it from a saved response.",
        discussion: """
            Live: sends a few HEAD requests (any status will do: a 403 carries Date too) and reports \
            offset = server − local with its uncertainty. Date has 1-second resolution; later requests are \
            timed to land just as the server's second ticks, and the intervals the samples allow are intersected. \
            Honours http_proxy / https_proxy / no_proxy.
            Offline: --response FILE reads a saved response (curl -i output, headers, or an XML error body): \
            its Date header, or <ServerTime> / <RequestTime> in the body; --local-time is this machine's clock \
            when it sent the request.
            Exit status: 0 measured and within the limits, 1 more than 15 min off or cannot tell, 2 bad input.
            """)

    @Argument(help: "An http(s) URL to probe, e.g. the bucket endpoint.")
    var url: String?

    @Option(help: "Requests to send (1...50).")
    var samples = 5

    @Option(help: "Seconds to wait for each answer.")
    var timeout: Double = 5

    @Option(name: .customLong("response"), help: "Read the server's time from this saved response instead.")
    var responseFile: String?

    @Option(
        name: .customLong("local-time"),
        help: "With --response: this machine's clock when it sent the request (Unix seconds, RFC 3339, HTTP date).")
    var localTime: String?

    @Flag(help: "Print JSON: offsetSeconds, uncertaintySeconds, roundTripSeconds, samples, verdict.")
    var json = false

    func validate() throws {
        if (url == nil) == (responseFile == nil) {
            throw ValidationError("give either a URL to probe or --response FILE")
        }
        if localTime != nil, responseFile == nil {
            throw ValidationError("--local-time goes with --response")
        }
    }

    func run() throws {
        if let responseFile { return try runOffline(responseFile) }
        let probe: ClockSkewProbe
        do {
            probe = try ClockSkewProbe(url: url!, samples: samples, timeout: timeout)
        } catch {
            throw failBadInput(error)
        }
        let result: ClockSkewProbe.Result
        do {
            result = try probe.measure()
        } catch let error as ClockSkewError {
            reportCannotTell(error)
            throw error.isBadInput ? Exit.badInput : Exit.checkFailed
        }
        let e = result.estimate
        if json {
            print(
                SkewCommand.report(
                    offset: e.offset, uncertainty: e.uncertainty, roundTrip: e.roundTrip, samples: e.samples,
                    verdict: result.verdict))
        } else {
            let now = SystemClock().now()
            print("url:          \(result.url)")
            print(
                "offset:       \(SkewCommand.seconds(e.offset, signed: true)) s ± \(SkewCommand.seconds(e.uncertainty)) s (server − local; negative: this clock is ahead)"
            )
            print(
                "range:        \(SkewCommand.seconds(e.lower, signed: true)) … \(SkewCommand.seconds(e.upper, signed: true)) s"
            )
            print("round trip:   \(SkewCommand.seconds(e.roundTrip * 1000)) ms (smallest of \(e.samples.count))")
            print("local time:   \(UTCTime.iso8601(now))")
            print("server time:  \(UTCTime.iso8601(now + e.offset)) (estimated)")
            print("verdict:      \(result.verdict.code.rawValue)")
            print("  \(result.verdict.explanation)")
            print("samples:")
            for (i, s) in e.samples.enumerated() {
                print(
                    "  \(i + 1). sent \(UTCTime.iso8601(s.sent))  round trip \(SkewCommand.seconds(s.roundTrip * 1000)) ms  HTTP \(s.status.map(String.init) ?? "?")  Date \(UTCTime.httpDate(s.serverDate))  → offset in [\(SkewCommand.seconds(s.lowerBound, signed: true)), \(SkewCommand.seconds(s.upperBound, signed: true))) s"
                )
            }
            for note in result.skipped { print("  skipped: \(note)") }
        }
        if result.verdict.code == .tooSkewed || result.verdict.code == .cannotTell { throw Exit.checkFailed }
    }

    private func runOffline(_ path: String) throws {
        var local: Double?
        var reading: ServerTimeReading
        do {
            local = try parseTimeOption(localTime, "--local-time")
            guard let data = FileManager.default.contents(atPath: path) else {
                throw SignetError("--response", "cannot read \(path)")
            }
            reading = try ServerTimeReading(response: SavedResponse(text: String(decoding: data, as: UTF8.self)))
        } catch let error as ClockSkewError {
            reportCannotTell(error)
            throw Exit.checkFailed
        } catch {
            throw failBadInput(error)
        }
        let offset = reading.offset(localTime: local)
        let verdict =
            offset.map { SkewVerdict(offset: $0.offset, uncertainty: $0.uncertainty) }
            ?? SkewVerdict(
                code: .cannotTell,
                explanation:
                    "The server's time is known (\(UTCTime.iso8601(reading.serverTime)), \(reading.source)) but not the client's when it sent the request: give --local-time to get the offset."
            )
        if json {
            var extra: [(String, JSON)] = [
                ("serverTime", .string(UTCTime.iso8601(reading.serverTime))),
                ("serverTimeSource", .string(reading.source)),
            ]
            if let basis = offset?.basis { extra.append(("basis", .string(basis))) }
            if let code = reading.errorCode { extra.append(("errorCode", .string(code))) }
            if !reading.notes.isEmpty { extra.append(("notes", .array(reading.notes.map(JSON.string)))) }
            print(
                SkewCommand.report(
                    offset: offset?.offset, uncertainty: offset?.uncertainty, roundTrip: nil, samples: [],
                    verdict: verdict, extra: extra))
        } else {
            print("server time:  \(UTCTime.iso8601(reading.serverTime)) (\(reading.source))")
            if let r = reading.requestTime { print("request time: \(UTCTime.iso8601(r)) (<RequestTime> in the body)") }
            if let code = reading.errorCode {
                print("error:        \(code)\(reading.errorMessage.map { ": \($0)" } ?? "")")
            }
            if let offset {
                print(
                    "offset:       \(SkewCommand.seconds(offset.offset, signed: true)) s ± \(SkewCommand.seconds(offset.uncertainty)) s (server − local, from \(offset.basis))"
                )
            } else {
                print("offset:       cannot tell")
            }
            print("verdict:      \(verdict.code.rawValue)")
            print("  \(verdict.explanation)")
            for note in reading.notes { print("  note: \(note)") }
        }
        if verdict.code == .tooSkewed || verdict.code == .cannotTell { throw Exit.checkFailed }
    }

    // MARK: - Output

    /// Reports why the offset cannot be told: as the JSON report with --json, else on standard error.
    private func reportCannotTell(_ error: ClockSkewError) {
        if json {
            print(SkewCommand.cannotTell(error.description))
        } else {
            printError("signet skew: \(error)")
        }
    }

    /// A JSON value that keeps its keys in the order written.
    indirect enum JSON {
        case number(Double?)
        case string(String)
        case array([JSON])
        case object([(String, JSON)])

        /// Pretty-printed text, two-space indent.
        func text(_ indent: String = "") -> String {
            switch self {
            case .number(let v):
                guard let v, v.isFinite else { return "null" }
                return v == v.rounded() && abs(v) < 1e15 ? "\(Int64(v))" : "\(v)"
            case .string(let s): return JSON.quote(s)
            case .array(let items):
                if items.isEmpty { return "[]" }
                let inner = indent + "  "
                return "[\n" + items.map { inner + $0.text(inner) }.joined(separator: ",\n") + "\n\(indent)]"
            case .object(let pairs):
                if pairs.isEmpty { return "{}" }
                let inner = indent + "  "
                return "{\n"
                    + pairs.map { inner + JSON.quote($0.0) + ": " + $0.1.text(inner) }.joined(separator: ",\n")
                    + "\n\(indent)}"
            }
        }

        static func quote(_ s: String) -> String { JSONString.quote(s) }
    }

    static func sampleJSON(_ s: ClockSample) -> JSON {
        .object([
            ("sentAt", .string(UTCTime.iso8601(s.sent))),
            ("roundTripSeconds", .number(round(s.roundTrip, 6))),
            ("status", .number(s.status.map(Double.init))),
            ("serverDate", .string(UTCTime.httpDate(s.serverDate))),
            ("offsetSeconds", .number(round(s.offset))),
            ("offsetLowSeconds", .number(round(s.lowerBound))),
            ("offsetHighSeconds", .number(round(s.upperBound))),
        ])
    }

    static func verdictJSON(_ v: SkewVerdict) -> JSON {
        .object([("code", .string(v.code.rawValue)), ("explanation", .string(v.explanation))])
    }

    /// The report: `offsetSeconds`, `uncertaintySeconds`, `roundTripSeconds`, `samples`, `verdict`,
    /// then `extra`; `null` numbers mean "cannot tell".
    static func report(
        offset: Double?, uncertainty: Double?, roundTrip: Double?, samples: [ClockSample], verdict: SkewVerdict,
        extra: [(String, JSON)] = []
    ) -> String {
        JSON.object(
            [
                ("offsetSeconds", .number(offset.map { round($0) })),
                ("uncertaintySeconds", .number(uncertainty.map { round($0) })),
                ("roundTripSeconds", .number(roundTrip.map { round($0, 6) })),
                ("samples", .array(samples.map(sampleJSON))),
                ("verdict", verdictJSON(verdict)),
            ] + extra
        )
        .text()
    }

    static func cannotTell(_ reason: String) -> String {
        report(
            offset: nil, uncertainty: nil, roundTrip: nil, samples: [],
            verdict: SkewVerdict(code: .cannotTell, explanation: reason))
    }

    /// `v` rounded to `places` decimals (for JSON).
    static func round(_ v: Double, _ places: Int = 4) -> Double {
        let scale = pow(10, Double(places))
        return (v * scale).rounded() / scale
    }

    /// `v` with three decimals, optionally with a sign.
    static func seconds(_ v: Double, signed: Bool = false) -> String {
        let text = String(format: "%.3f", v)
        return signed && v >= 0 ? "+" + text : text
    }
}
