import SignetHTTP
import SignetSkew

/// `RequestTimeTooSkewed`: measures the offset between the request's time and the server's.
enum SkewRule {
    static func findings(_ s: Situation) -> [Finding] {
        guard s.isCode("RequestTimeTooSkewed") else { return [] }
        var evidence: [Evidence] = [Evidence("server said", "RequestTimeTooSkewed \"\(s.message)\"")]
        var requestTime: (Double, String, String)?
        if let t = s.error?.requestTime, let v = UTCTime.parseAny(t) {
            requestTime = (v, "RequestTime element", t)
        } else if let d = s.request?.headers["x-amz-date"], let v = UTCTime.parseAmzDateTime(d) {
            requestTime = (Double(v), "request x-amz-date header", d)
        } else if let d = s.request?.headers["Date"], let v = UTCTime.parseHTTPDate(d) {
            requestTime = (Double(v), "request Date header", d)
        } else if let auth = s.auth, let at = auth.signedAt {
            requestTime = (Double(at), auth.scheme == .cos ? "q-sign-time start" : "X-Amz-Date", auth.signTime ?? "")
        } else if let t = s.context.localTime {
            requestTime = (t, "local time given", UTCTime.iso8601(t))
        }
        if let r = requestTime { evidence.append(Evidence(r.1, r.2)) }
        if let server = s.serverTime { evidence.append(Evidence(server.source, server.text)) }
        if let r = requestTime, let server = s.serverTime {
            let offset = r.0 - server.time
            evidence.append(
                Evidence(
                    "measured offset",
                    "the request time is \(ExpiryAnalysis.humanSeconds(offset)) \(offset >= 0 ? "ahead of" : "behind") the server's clock (tolerance 900 s (15 min))"
                ))
        } else {
            evidence.append(Evidence("measured offset", "unknown: the request time or the server time is missing"))
        }
        return [Finding("clock-skew.request-time-too-skewed", confidence: .high, evidence: evidence)]
    }
}
