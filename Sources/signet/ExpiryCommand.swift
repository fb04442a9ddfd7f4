import ArgumentParser
import Foundation
import Signet

struct ExpiryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "expiry",
        abstract: "Say when a signature's window opens and closes at server time, whether it is valid, and why not.",
        discussion: """
            The request: a presigned URL (COS q-sign-time, SigV4 X-Amz-Date/X-Amz-Expires), or a URL with \
            --authorization (COS q-sign-algorithm=…, or SigV4 with --header 'x-amz-date: …').
            The server's time: --server-time T, --response FILE (a saved response's Date or <ServerTime>), or \
            --probe URL (measure this machine's offset, as `signet skew` does). Without any, this machine's clock \
            is used and the clock cannot be blamed.
            It tells the window being over from the clock being off ("Request has expired" has both causes), and \
            covers temporary keys (--key-expiration).
            Exit status: 0 valid at server time, 1 not valid, 2 bad input.
            """)

    @Argument(help: "The presigned URL, or the request URL with --authorization.")
    var url: String?

    @Option(help: "The Authorization header value of a header-signed request.")
    var authorization: String?

    @Option(name: .customLong("header"), help: "Another request header 'Name: value' (e.g. x-amz-date; repeatable).")
    var headers: [String] = []

    @Option(
        name: .customLong("server-time"),
        help: "The server's time (Unix seconds, RFC 3339, yyyyMMddTHHmmssZ, HTTP date)."
    )
    var serverTime: String?

    @Option(name: .customLong("response"), help: "Read the server's time from this saved response.")
    var responseFile: String?

    @Option(help: "Measure this machine's clock offset against this http(s) URL.")
    var probe: String?

    @Option(
        name: .customLong("local-time"),
        help:
            "The client's clock when it signed or sent the request (default: now, with --probe; <RequestTime> of --response)."
    )
    var localTime: String?

    @Option(name: .customLong("key-expiration"), help: "When the temporary key expires (any time format above).")
    var keyExpiration: String?

    @Option(help: "With --probe: requests to send.")
    var samples = 5

    @Option(help: "With --probe: seconds to wait for each answer.")
    var timeout: Double = 5

    @Flag(help: "Print JSON.")
    var json = false

    func validate() throws {
        if url == nil, authorization == nil {
            throw ValidationError("give a presigned URL, or --authorization (with the request URL)")
        }
        if [serverTime != nil, responseFile != nil, probe != nil].filter({ $0 }).count > 1 {
            throw ValidationError("give at most one of --server-time, --response and --probe")
        }
    }

    func run() throws {
        var window: SignedWindow!
        var local: Double?
        var keyExpires: Int64?
        var given: Double?
        do {
            var h = try parseHeaderArguments(headers)
            if let authorization { h.set("Authorization", authorization) }
            let request = try RequestURL(url ?? "https://unknown.invalid/", field: "url")
            guard let w = SignedWindow.extract(url: request, headers: h) else {
                throw SignetError(
                    url == nil ? "--authorization" : "url", "carries no signature window that can be read",
                    allowed:
                        "a COS presigned URL or Authorization (q-sign-time), a SigV4 presigned URL (X-Amz-Date, X-Amz-Expires), or a SigV4 Authorization with --header 'x-amz-date: …'"
                )
            }
            window = w
            local = try parseTimeOption(localTime, "--local-time")
            keyExpires = try parseTimeOption(keyExpiration, "--key-expiration").map { Int64($0.rounded(.down)) }
            given = try parseTimeOption(serverTime, "--server-time")
        } catch {
            throw failBadInput(error)
        }

        let server: Double
        let source: String
        if let given {
            server = given
            source = "given with --server-time"
        } else if let responseFile {
            guard let data = FileManager.default.contents(atPath: responseFile) else {
                throw failBadInput(SignetError("--response", "cannot read \(responseFile)"))
            }
            do {
                let reading = try ServerTimeReading(
                    response: SavedResponse(text: String(decoding: data, as: UTF8.self)))
                server = reading.serverTime
                source = "\(reading.source) of the saved response"
                if local == nil, let r = reading.requestTime { local = r }
            } catch let error as ClockSkewError {
                printError("signet expiry: \(error)")
                throw Exit.checkFailed
            }
        } else if let probe {
            let result: ClockSkewProbe.Result
            do {
                result = try ClockSkewProbe(url: probe, samples: samples, timeout: timeout).measure()
            } catch let error as ClockSkewError {
                printError("signet expiry: \(error)")
                throw error.isBadInput ? Exit.badInput : Exit.checkFailed
            }
            let now = SystemClock().now()
            let e = result.estimate
            server = now + e.offset
            source =
                "this machine's clock corrected by the offset measured from \(probe): \(SkewCommand.seconds(e.offset, signed: true)) s ± \(SkewCommand.seconds(e.uncertainty)) s"
            if local == nil { local = now }
        } else {
            server = SystemClock().now()
            source = "this machine's clock, not checked against the server (use --probe or --server-time)"
        }

        let analysis = ExpiryAnalysis(
            window: window, serverTime: server, serverTimeSource: source, localTime: local, keyExpiration: keyExpires)
        let verdictName: String
        var by: Double?
        switch analysis.verdict {
        case .valid: verdictName = "valid"
        case .expired(let s):
            verdictName = "expired"
            by = s
        case .notYetValid(let s):
            verdictName = "notYetValid"
            by = s
        }
        let keyExpired = keyExpires.map { Double($0) < server } ?? false
        let validNow = analysis.verdict == .valid && !keyExpired
        if json {
            var object: [String: Any] = [
                "scheme": window.scheme.rawValue, "placement": window.placement.rawValue,
                "windowStart": UTCTime.iso8601(window.start), "windowEnd": UTCTime.iso8601(window.end),
                "windowStartUnix": window.start, "windowEndUnix": window.end,
                "serverTime": UTCTime.iso8601(server), "serverTimeSource": source, "verdict": verdictName,
                "valid": validNow, "cause": analysis.cause.rawValue, "explanation": analysis.explanation,
                "temporaryKey": window.hasSessionToken,
            ]
            if let by { object["bySeconds"] = SkewCommand.round(by, 3) }
            if let local { object["localTime"] = UTCTime.iso8601(local) }
            if let o = analysis.clockOffset { object["clockOffsetSeconds"] = SkewCommand.round(o, 3) }
            if let keyExpires { object["keyExpiration"] = UTCTime.iso8601(keyExpires) }
            if let akid = window.accessKeyId { object["accessKeyId"] = akid }
            print(jsonText(object))
        } else {
            let kind = window.scheme == .cos ? "COS" : "SigV4"
            print(
                "signature:    \(kind) \(window.placement == .query ? "presigned URL" : "Authorization header")\(window.accessKeyId.map { ", access key \($0)" } ?? "")\(window.hasSessionToken ? ", temporary key" : "")"
            )
            print(
                "window opens: \(UTCTime.iso8601(window.start)) \(ExpiryCommand.relative(Double(window.start) - server))"
            )
            print("window ends:  \(UTCTime.iso8601(window.end)) \(ExpiryCommand.relative(Double(window.end) - server))")
            print("server time:  \(UTCTime.iso8601(server)) (\(source))")
            if let local { print("client time:  \(UTCTime.iso8601(local))") }
            if let keyExpires {
                print(
                    "key expires:  \(UTCTime.iso8601(keyExpires)) \(ExpiryCommand.relative(Double(keyExpires) - server))"
                )
            }
            switch analysis.verdict {
            case .valid:
                print("valid now:    \(validNow ? "yes" : "no — the temporary key has expired")")
            case .expired(let s): print("valid now:    no — the window closed \(ExpiryAnalysis.humanSeconds(s)) ago")
            case .notYetValid(let s): print("valid now:    no — the window opens in \(ExpiryAnalysis.humanSeconds(s))")
            }
            print("cause:        \(analysis.cause.rawValue)")
            print("  \(analysis.explanation)")
        }
        if !validNow { throw Exit.checkFailed }
    }

    /// "(in 5 min, at server time)" / "(12 s ago, at server time)".
    static func relative(_ delta: Double) -> String {
        delta >= 0
            ? "(in \(ExpiryAnalysis.humanSeconds(delta)), server time)"
            : "(\(ExpiryAnalysis.humanSeconds(delta)) ago, server time)"
    }
}
