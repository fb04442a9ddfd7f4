import SignetHTTP

/// A response saved to a file: `curl -i` output (status line, headers, blank line, body), the
/// headers alone (`curl -D`), or an XML error body alone.
public struct SavedResponse: Sendable {
    /// The HTTP status, when a status line is present.
    public let status: Int?
    /// The headers of the last response head in the text (after `100 Continue` or redirects).
    public let headers: HTTPHeaders
    /// Everything after the headers.
    public let body: String

    /// Splits `text` into status, headers and body.
    public init(text: String) {
        // Bytes, not Characters: "\r\n" is a single Character in Swift.
        let bytes = Array(text.utf8)
        var i = 0
        var status: Int?
        var headers = HTTPHeaders()
        func line() -> String {
            var end = i
            while end < bytes.count, bytes[end] != 10 { end += 1 }
            var stop = end
            if stop > i, bytes[stop - 1] == 13 { stop -= 1 }
            let l = String(decoding: bytes[i..<stop], as: UTF8.self)
            i = min(end + 1, bytes.count)
            return l
        }
        // Several heads may follow each other (100 Continue, redirects with curl -L): keep the last.
        while bytes[i...].starts(with: Array("HTTP/".utf8)) {
            let statusLine = line()
            status = statusLine.split(separator: " ").dropFirst().first.flatMap { Int($0) }
            headers = HTTPHeaders()
            while i < bytes.count {
                let l = line()
                if l.isEmpty { break }
                guard let colon = l.firstIndex(of: ":") else { continue }
                headers.append(String(l[..<colon]).trimmingSpaces, String(l[l.index(after: colon)...]).trimmingSpaces)
            }
        }
        self.status = status
        self.headers = headers
        self.body = String(decoding: bytes[i...], as: UTF8.self)
    }

    /// The text of the first `<name>…</name>` element in the body, entities decoded; nil when
    /// absent. A plain scan, enough for the flat `<Error>` documents S3 and COS send.
    public func element(_ name: String) -> String? {
        guard let open = body.range(of: "<\(name)>"),
            let close = body.range(of: "</\(name)>", range: open.upperBound..<body.endIndex)
        else { return nil }
        return SavedResponse.decodeEntities(String(body[open.upperBound..<close.lowerBound])).trimmingSpaces
    }

    static func decodeEntities(_ s: String) -> String {
        guard s.contains("&") else { return s }
        var out = ""
        var rest = Substring(s)
        let named = ["amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'"]
        while let amp = rest.firstIndex(of: "&") {
            out += rest[..<amp]
            rest = rest[amp...]
            if let semi = rest.firstIndex(of: ";"), rest.distance(from: rest.startIndex, to: semi) <= 10 {
                let entity = rest[rest.index(after: rest.startIndex)..<semi]
                var replacement: String?
                if let n = named[String(entity)] {
                    replacement = n
                } else if entity.hasPrefix("#x") || entity.hasPrefix("#X"),
                    let v = UInt32(entity.dropFirst(2), radix: 16)
                {
                    replacement = Unicode.Scalar(v).map { String(Character($0)) }
                } else if entity.hasPrefix("#"), let v = UInt32(entity.dropFirst()) {
                    replacement = Unicode.Scalar(v).map { String(Character($0)) }
                }
                if let replacement {
                    out += replacement
                    rest = rest[rest.index(after: semi)...]
                    continue
                }
            }
            out += "&"
            rest = rest.dropFirst()
        }
        return out + rest
    }
}

/// The server's time read from a saved response, and the clock offset it implies when the
/// client's time is known too.
public struct ServerTimeReading: Sendable {
    /// The server's time (Unix seconds, whole seconds).
    public let serverTime: Double
    /// Where it was read: `Date header` or `<ServerTime> in the error body`.
    public let source: String
    /// The request time the error body quotes (`<RequestTime>`, the client's clock as the
    /// request stated it), when present.
    public let requestTime: Double?
    /// The error code in the body (`RequestTimeTooSkewed`, `AccessDenied`, …), when present.
    public let errorCode: String?
    /// The error message in the body, when present.
    public let errorMessage: String?
    /// Remarks about what was ignored or disagreed.
    public let notes: [String]

    /// How long a request may plausibly take on its way: the offset read from one saved response
    /// is uncertain by this plus the 1-second resolution of the times.
    public static let transitAllowance: Double = 1

    /// Reads the server's time from `response`.
    /// - Throws: ``ClockSkewError/noServerTime`` when it carries none,
    ///   ``ClockSkewError/malformedDate(field:value:)`` or ``ClockSkewError/implausibleDate(field:value:)``.
    public init(response: SavedResponse) throws {
        var notes: [String] = []
        var fromDate: Double?
        if let date = response.headers["Date"] {
            let t = Double(try ClockSkewError.parseDate(date))
            if let age = response.headers["Age"] {
                notes.append(
                    "the response came from a cache (Age: \(age)): its Date is when the origin made it, not the server's time; ignored"
                )
            } else {
                fromDate = t
            }
        }
        var fromBody: Double?
        if let text = response.element("ServerTime") {
            guard let t = UTCTime.parseAny(text) else {
                throw ClockSkewError.malformedDate(field: "<ServerTime>", value: text)
            }
            guard ClockSkewError.plausible.contains(t) else {
                throw ClockSkewError.implausibleDate(field: "<ServerTime>", value: text)
            }
            fromBody = t
        }
        if let a = fromDate, let b = fromBody, abs(a - b) > 2 {
            notes.append(
                "the Date header and <ServerTime> differ by \(SkewVerdict.decimals(a - b, 3)) s; the Date header is used"
            )
        }
        guard let server = fromDate ?? fromBody else { throw ClockSkewError.noServerTime }
        serverTime = server
        source = fromDate != nil ? "Date header" : "<ServerTime> in the error body"
        if let text = response.element("RequestTime") {
            guard let t = UTCTime.parseAny(text) else {
                throw ClockSkewError.malformedDate(field: "<RequestTime>", value: text)
            }
            requestTime = t
        } else {
            requestTime = nil
        }
        errorCode = response.element("Code")
        errorMessage = response.element("Message")
        self.notes = notes
    }

    /// The offset `serverTime − localTime` and its uncertainty, from the client's clock when the
    /// request was sent (`localTime`), or else from the body's `<RequestTime>`; nil when neither is
    /// known. The uncertainty covers 1 s of time resolution and ``transitAllowance``.
    public func offset(localTime: Double?) -> (offset: Double, uncertainty: Double, basis: String)? {
        let basis: String
        let local: Double
        if let localTime {
            local = localTime
            basis = "the client's time at sending (given)"
        } else if let requestTime {
            local = requestTime
            basis = "<RequestTime> in the error body"
        } else {
            return nil
        }
        // date ≤ local + transit + θ < date + 1, transit in [0, allowance], local read to the second.
        let lower = serverTime - local - ServerTimeReading.transitAllowance - (local.rounded() == local ? 1 : 0)
        let upper = serverTime + 1 - local
        return ((lower + upper) / 2, (upper - lower) / 2, basis)
    }
}
