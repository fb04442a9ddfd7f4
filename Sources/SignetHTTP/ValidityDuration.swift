/// Parses durations such as `900`, `90s`, `15m`, `2h`, `7d`, `50y` into seconds.
public enum ValidityDuration {
    /// Seconds for the text, or a `SignetError` naming `field`.
    public static func parse(_ text: String, field: String = "duration") throws -> Int64 {
        let allowed = "a whole number followed by s, m, h, d or y (e.g. 900, 15m, 2h, 7d, 50y)"
        let t = text.trimmingSpaces
        guard let last = t.last else { throw SignetError(field, "is empty", allowed: allowed) }
        let unit: Int64
        var digits = Substring(t)
        switch last {
        case "s": unit = 1
        case "m": unit = 60
        case "h": unit = 3600
        case "d": unit = 86400
        case "y": unit = 365 * 86400
        case "0"..."9": unit = 1
        default: throw SignetError(field, "\"\(text)\" has an unknown unit", allowed: allowed)
        }
        if !last.isNumber { digits = digits.dropLast() }
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }), let n = Int64(digits) else {
            throw SignetError(field, "\"\(text)\" is not a duration", allowed: allowed)
        }
        let (v, overflow) = n.multipliedReportingOverflow(by: unit)
        guard !overflow, v <= 1000 * 365 * 86400 else {
            throw SignetError(field, "\"\(text)\" is absurdly long", allowed: allowed)
        }
        return v
    }
}
