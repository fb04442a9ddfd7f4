import SignetHTTP

/// The validity window of a COS signature, `start;end` in Unix seconds (`q-sign-time`, `q-key-time`).
public struct KeyTime: Sendable, Hashable, CustomStringConvertible {
    public let start: Int64
    public let end: Int64

    /// Latest accepted end: the last second of year 9999.
    public static let latest: Int64 = 253_402_300_799

    /// A window from `start` to `end`.
    /// - Throws: `SignetError` unless `0 <= start < end <= 9999-12-31`.
    public init(start: Int64, end: Int64) throws {
        guard start >= 0, start <= KeyTime.latest else {
            throw SignetError(
                "keyTime", "start \(start) is not a sane Unix time", allowed: "0 ... \(KeyTime.latest) seconds")
        }
        guard end <= KeyTime.latest else {
            throw SignetError("keyTime", "end \(end) is beyond year 9999", allowed: "0 ... \(KeyTime.latest) seconds")
        }
        guard end > start else {
            throw SignetError(
                "keyTime", "end must be after start (got \(start);\(end))", allowed: "start;end with start < end")
        }
        self.start = start
        self.end = end
    }

    /// Parses `start;end`.
    public init(parsing text: String) throws {
        let parts = text.split(separator: ";", omittingEmptySubsequences: false)
        let allowed = "two Unix times in seconds, start;end, e.g. 1557989151;1557996351"
        guard parts.count == 2 else { throw SignetError("keyTime", "\"\(text)\" is not start;end", allowed: allowed) }
        guard let s = Int64(parts[0]), let e = Int64(parts[1]), parts[0].allSatisfy(\.isNumber),
            parts[1].allSatisfy(\.isNumber)
        else { throw SignetError("keyTime", "\"\(text)\" is not numeric", allowed: allowed) }
        try self.init(start: s, end: e)
    }

    /// A window for a signature made at `now`: it opens `backdate` seconds earlier (to absorb small
    /// clock differences) and closes `duration` seconds after `now`.
    public static func window(now: Double, duration: Int64, backdate: Int64 = 60) throws -> KeyTime {
        guard duration > 0 else {
            throw SignetError("expires", "must be positive (got \(duration) s)", allowed: "a duration such as 15m")
        }
        guard backdate >= 0 else { throw SignetError("backdate", "must not be negative", allowed: "0 or more seconds") }
        let n = Int64(now.rounded(.down))
        return try KeyTime(start: n - backdate, end: n + duration)
    }

    /// `start;end`.
    public var description: String { "\(start);\(end)" }

    /// `start;end` as bytes kept inline (at most 25 of them), to be copied into each signature
    /// instead of formatting the numbers again.
    struct Text {
        private var storage: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
        private let count: Int
        /// Where the `;` is.
        let semicolon: Int

        init(_ keyTime: KeyTime) {
            let start = Array(String(keyTime.start).utf8)
            let end = Array(String(keyTime.end).utf8)
            let bytes = start + [UInt8(ascii: ";")] + end
            count = bytes.count
            semicolon = start.count
            withUnsafeMutableBytes(of: &storage) { $0.copyBytes(from: bytes) }
        }

        @inline(__always) func withBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
            try withUnsafeBytes(of: storage) { try body(UnsafeRawBufferPointer(rebasing: $0[0..<count])) }
        }
    }
}
