/// What a measured clock offset means for signed requests, judged against the tolerances that
/// matter: S3 and COS refuse requests more than 15 minutes off (`RequestTimeTooSkewed`), and a
/// signature window that opens in the server's future is refused as "not valid yet".
public struct SkewVerdict: Sendable, Equatable {
    /// The kind of verdict.
    public enum Code: String, Sendable, Codable {
        /// The clocks agree to within ``SkewVerdict/syncTolerance``.
        case inSync
        /// The local clock is ahead: windows starting at the local "now" open in the server's future.
        case clockAhead
        /// The local clock is behind: windows close early by the offset.
        case clockBehind
        /// More than 15 minutes off: S3 and COS refuse every request with `RequestTimeTooSkewed`.
        case tooSkewed
        /// The uncertainty straddles the 15-minute limit, or nothing could be measured.
        case cannotTell
    }

    /// The kind of verdict.
    public let code: Code
    /// One paragraph with the numbers.
    public let explanation: String

    /// Clocks within this many seconds count as in sync (signing times have 1-second resolution).
    public static let syncTolerance: Double = 1

    /// The limit S3 and COS enforce between the request time and the server's time.
    public static let skewLimit = Double(SignedWindow.skewTolerance)

    /// Creates a verdict from its parts.
    public init(code: Code, explanation: String) {
        self.code = code
        self.explanation = explanation
    }

    /// Judges an offset (`serverTime − localTime`) known to within `± uncertainty`.
    public init(offset: Double, uncertainty: Double) {
        let lo = offset - uncertainty
        let hi = offset + uncertainty
        let size = ExpiryAnalysis.humanSeconds(offset)
        let range = "\(SkewVerdict.signed(offset)) s ± \(SkewVerdict.decimals(uncertainty, 3)) s"
        if min(abs(lo), abs(hi)) > SkewVerdict.skewLimit && lo.sign == hi.sign {
            code = .tooSkewed
            explanation =
                "The local clock is \(size) \(offset > 0 ? "behind" : "ahead of") the server's (\(range)), more than the 15 min S3 and COS allow: every request signed with it is refused with RequestTimeTooSkewed (or \"Request has expired\" / \"not valid yet\" for presigned URLs). Fix the clock, or sign with --clock-offset \(SkewVerdict.decimals(offset, 0)) / --sync-clock URL."
        } else if max(abs(lo), abs(hi)) > SkewVerdict.skewLimit {
            code = .cannotTell
            explanation =
                "The offset is \(range): the uncertainty straddles the 15 min limit, so whether the server refuses requests as RequestTimeTooSkewed cannot be told. Measure again with more samples."
        } else if hi < -SkewVerdict.syncTolerance {
            code = .clockAhead
            explanation =
                "The local clock is \(size) ahead of the server's (\(range)). Within the 15 min skew limit, but a signature window that starts at the local \"now\" opens \(size) in the server's future and is refused until then (COS q-sign-time; SDKs that back-date by 60 s hide up to 60 s of this). Sign with --clock-offset \(SkewVerdict.decimals(offset, 0)) or --sync-clock URL."
        } else if lo > SkewVerdict.syncTolerance {
            code = .clockBehind
            explanation =
                "The local clock is \(size) behind the server's (\(range)). Within the 15 min skew limit, but every signature window closes \(size) early at the server (a presigned URL valid for 300 s lasts \(SkewVerdict.decimals(max(0, 300 - offset), 0)) s). Sign with --clock-offset \(SkewVerdict.decimals(offset, 0)) or --sync-clock URL."
        } else {
            code = .inSync
            explanation =
                "The clocks agree (\(range)); clock skew does not explain a refused signature."
        }
    }

    /// `+1.234` / `-0.5`, three decimals at most.
    static func signed(_ v: Double) -> String { (v >= 0 ? "+" : "") + decimals(v, 3) }

    /// `v` with at most `places` decimals, trailing zeros dropped.
    static func decimals(_ v: Double, _ places: Int) -> String {
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        let r = (v * scale).rounded() / scale
        if r == r.rounded(), abs(r) < 1e15 { return "\(Int64(r))" }
        return "\(r)"
    }
}
