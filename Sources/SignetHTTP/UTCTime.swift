/// UTC calendar arithmetic and the time formats signing and HTTP use, without `DateFormatter`.
public enum UTCTime {
    /// Broken-down UTC time.
    public struct Fields: Sendable, Equatable {
        public var year: Int64
        public var month: Int  // 1...12
        public var day: Int  // 1...31
        public var hour: Int
        public var minute: Int
        public var second: Int
        /// 0 = Sunday.
        public var weekday: Int

        @inlinable public init(year: Int64, month: Int, day: Int, hour: Int, minute: Int, second: Int, weekday: Int) {
            self.year = year
            self.month = month
            self.day = day
            self.hour = hour
            self.minute = minute
            self.second = second
            self.weekday = weekday
        }
    }

    /// Days since 1970-01-01 for a proleptic Gregorian date (H. Hinnant's algorithm).
    @inlinable public static func days(year: Int64, month: Int, day: Int) -> Int64 {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let m = Int64(month)
        let doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + Int64(day) - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    /// Broken-down UTC fields of a Unix time in seconds.
    @inlinable public static func fields(_ unix: Int64) -> Fields {
        var days = unix / 86400
        var secs = unix % 86400
        if secs < 0 {
            secs += 86400
            days -= 1
        }
        let z = days + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = Int(doy - (153 * mp + 2) / 5 + 1)
        let m = Int(mp < 10 ? mp + 3 : mp - 9)
        let y = yoe + era * 400 + (m <= 2 ? 1 : 0)
        var wd = Int((days + 4) % 7)
        if wd < 0 { wd += 7 }
        return Fields(
            year: y, month: m, day: d, hour: Int(secs / 3600), minute: Int(secs % 3600 / 60), second: Int(secs % 60),
            weekday: wd)
    }

    /// Writes `yyyyMMdd'T'HHmmss'Z'` (16 bytes) for years 0...9999.
    @inlinable public static func writeAmzDateTime(_ unix: Int64, into o: UnsafeMutablePointer<UInt8>) {
        let f = fields(unix)
        let y = Int(f.year)
        o[0] = UInt8(48 + y / 1000 % 10)
        o[1] = UInt8(48 + y / 100 % 10)
        o[2] = UInt8(48 + y / 10 % 10)
        o[3] = UInt8(48 + y % 10)
        o[4] = UInt8(48 + f.month / 10)
        o[5] = UInt8(48 + f.month % 10)
        o[6] = UInt8(48 + f.day / 10)
        o[7] = UInt8(48 + f.day % 10)
        writeAmzTimeOfDay(unix, into: o + 8)
    }

    /// Writes `'T'HHmmss'Z'` (8 bytes), the time-of-day half of `writeAmzDateTime`.
    @inlinable public static func writeAmzTimeOfDay(_ unix: Int64, into o: UnsafeMutablePointer<UInt8>) {
        var s = Int(unix % 86_400)
        if s < 0 { s += 86_400 }
        let (h, m, sec) = (s / 3600, s % 3600 / 60, s % 60)
        o[0] = UInt8(ascii: "T")
        o[1] = UInt8(truncatingIfNeeded: 48 + h / 10)
        o[2] = UInt8(truncatingIfNeeded: 48 + h % 10)
        o[3] = UInt8(truncatingIfNeeded: 48 + m / 10)
        o[4] = UInt8(truncatingIfNeeded: 48 + m % 10)
        o[5] = UInt8(truncatingIfNeeded: 48 + sec / 10)
        o[6] = UInt8(truncatingIfNeeded: 48 + sec % 10)
        o[7] = UInt8(ascii: "Z")
    }

    /// `yyyyMMdd'T'HHmmss'Z'`, the SigV4 request time.
    public static func amzDateTime(_ unix: Int64) -> String {
        String(unsafeUninitializedCapacity: 16) { buf in
            writeAmzDateTime(unix, into: buf.baseAddress!)
            return 16
        }
    }

    static let dayNames = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
    static let monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    private static func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }

    /// RFC 9110 IMF-fixdate, e.g. `Tue, 24 Nov 2026 10:00:00 GMT`.
    public static func httpDate(_ unix: Int64) -> String {
        let f = fields(unix)
        return
            "\(dayNames[f.weekday]), \(two(f.day)) \(monthNames[f.month - 1]) \(f.year) \(two(f.hour)):\(two(f.minute)):\(two(f.second)) GMT"
    }

    /// RFC 3339 / ISO 8601 in UTC, e.g. `2026-11-24T10:00:00Z`.
    public static func iso8601(_ unix: Int64) -> String {
        let f = fields(unix)
        return "\(f.year)-\(two(f.month))-\(two(f.day))T\(two(f.hour)):\(two(f.minute)):\(two(f.second))Z"
    }

    /// RFC 3339 with a fractional part, for times measured to better than a second.
    public static func iso8601(_ time: Double) -> String {
        let whole = Int64(time.rounded(.down))
        let millis = Int(((time - Double(whole)) * 1000).rounded())
        if millis == 0 { return iso8601(whole) }
        if millis >= 1000 { return iso8601(whole + 1) }
        let base = iso8601(whole).dropLast()
        let ms = millis < 10 ? "00\(millis)" : millis < 100 ? "0\(millis)" : "\(millis)"
        return "\(base).\(ms)Z"
    }

    // MARK: - Parsing

    /// Parses an HTTP date: IMF-fixdate, RFC 850 or asctime. Nil when malformed.
    public static func parseHTTPDate(_ text: String) -> Int64? {
        let parts = text.split(whereSeparator: { $0 == " " || $0 == "," }).map(String.init)
        func month(_ s: String) -> Int? { monthNames.firstIndex(of: s).map { $0 + 1 } }
        func hms(_ s: String) -> (Int, Int, Int)? {
            let p = s.split(separator: ":")
            guard p.count == 3, let h = Int(p[0]), let m = Int(p[1]), let sec = Int(p[2]),
                p.allSatisfy({ $0.count == 2 }),
                h < 24, m < 60, sec <= 60
            else { return nil }
            return (h, m, min(sec, 59))
        }
        var y: Int64?
        var mo: Int?
        var d: Int?
        var t: (Int, Int, Int)?
        if parts.count == 6, parts[5] == "GMT" {  // Sun, 06 Nov 1994 08:49:37 GMT
            d = Int(parts[1])
            mo = month(parts[2])
            y = Int64(parts[3])
            t = hms(parts[4])
            if parts[3].count != 4 { return nil }
        } else if parts.count == 4, parts[3] == "GMT" {  // Sunday, 06-Nov-94 08:49:37 GMT
            let dmy = parts[1].split(separator: "-").map(String.init)
            guard dmy.count == 3, let yy = Int64(dmy[2]) else { return nil }
            d = Int(dmy[0])
            mo = month(dmy[1])
            y = dmy[2].count == 2 ? (yy < 70 ? 2000 + yy : 1900 + yy) : yy
            t = hms(parts[2])
        } else if parts.count == 5 {  // Sun Nov  6 08:49:37 1994
            mo = month(parts[1])
            d = Int(parts[2])
            t = hms(parts[3])
            y = Int64(parts[4])
        }
        guard let year = y, let m = mo, let day = d, let (h, mi, s) = t, day >= 1, day <= 31 else { return nil }
        return days(year: year, month: m, day: day) * 86400 + Int64(h * 3600 + mi * 60 + s)
    }

    /// Parses RFC 3339 (`2026-11-24T10:00:00Z`, fraction and `±hh:mm` offset allowed). Nil when malformed.
    public static func parseISO8601(_ text: String) -> Double? {
        let b = Array(text.utf8)
        func num(_ from: Int, _ len: Int) -> Int? {
            guard from + len <= b.count else { return nil }
            var v = 0
            for i in from..<(from + len) {
                guard b[i] >= 48, b[i] <= 57 else { return nil }
                v = v * 10 + Int(b[i] - 48)
            }
            return v
        }
        guard b.count >= 20, let y = num(0, 4), b[4] == 45, let mo = num(5, 2), b[7] == 45, let d = num(8, 2),
            b[10] == UInt8(ascii: "T") || b[10] == UInt8(ascii: "t") || b[10] == 32, let h = num(11, 2), b[13] == 58,
            let mi = num(14, 2), b[16] == 58, let s = num(17, 2), (1...12).contains(mo), (1...31).contains(d), h < 24,
            mi < 60, s <= 60
        else { return nil }
        var i = 19
        var fraction = 0.0
        if i < b.count, b[i] == UInt8(ascii: ".") {
            i += 1
            var scale = 0.1
            let start = i
            while i < b.count, b[i] >= 48, b[i] <= 57 {
                fraction += Double(b[i] - 48) * scale
                scale /= 10
                i += 1
            }
            if i == start { return nil }
        }
        guard i < b.count else { return nil }
        var offset = 0
        if b[i] == UInt8(ascii: "Z") || b[i] == UInt8(ascii: "z") {
            i += 1
        } else if b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-") {
            guard let oh = num(i + 1, 2), i + 3 < b.count, b[i + 3] == 58, let om = num(i + 4, 2) else { return nil }
            offset = (oh * 3600 + om * 60) * (b[i] == UInt8(ascii: "+") ? 1 : -1)
            i += 6
        } else {
            return nil
        }
        guard i == b.count else { return nil }
        let secs =
            days(year: Int64(y), month: mo, day: d) * 86400 + Int64(h * 3600 + mi * 60 + min(s, 59)) - Int64(offset)
        return Double(secs) + fraction
    }

    /// Parses `yyyyMMdd'T'HHmmss'Z'`. Nil when malformed.
    public static func parseAmzDateTime(_ text: String) -> Int64? {
        let b = Array(text.utf8)
        guard b.count == 16, b[8] == UInt8(ascii: "T"), b[15] == UInt8(ascii: "Z") else { return nil }
        func num(_ from: Int, _ len: Int) -> Int? {
            var v = 0
            for i in from..<(from + len) {
                guard b[i] >= 48, b[i] <= 57 else { return nil }
                v = v * 10 + Int(b[i] - 48)
            }
            return v
        }
        guard let y = num(0, 4), let mo = num(4, 2), let d = num(6, 2), let h = num(9, 2), let mi = num(11, 2),
            let s = num(13, 2), (1...12).contains(mo), (1...31).contains(d), h < 24, mi < 60, s < 60
        else { return nil }
        return days(year: Int64(y), month: mo, day: d) * 86400 + Int64(h * 3600 + mi * 60 + s)
    }

    /// Parses any of: Unix seconds, RFC 3339, SigV4 basic time, HTTP date.
    public static func parseAny(_ text: String) -> Double? {
        let t = text.trimmingSpaces
        if let v = Int64(t) { return Double(v) }
        if let v = parseAmzDateTime(t) { return Double(v) }
        if let v = parseISO8601(t) { return v }
        if let v = parseHTTPDate(t) { return Double(v) }
        return nil
    }
}

extension String {
    /// The string without leading and trailing spaces and tabs.
    public var trimmingSpaces: String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" || f == "\n" || f == "\r" { s.removeFirst() }
        while let l = s.last, l == " " || l == "\t" || l == "\n" || l == "\r" { s.removeLast() }
        return String(s)
    }
}
