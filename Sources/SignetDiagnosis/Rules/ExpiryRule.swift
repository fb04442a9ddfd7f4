import SignetHTTP
import SignetSkew

/// "Request has expired" / "Request is not valid yet": separates the signature window, the local
/// clock and a temporary key, using `ExpiryAnalysis`.
enum ExpiryRule {
    static func applies(_ s: Situation) -> Bool {
        let m = s.message.lowercased()
        return (s.isCode("AccessDenied") && (m.contains("request has expired") || m.contains("not valid yet")))
            || s.isCode("Request has expired") || s.isCode("ExpiredRequest")
            || (s.error?.expires != nil && s.error?.serverTime != nil && m.contains("expired"))
    }

    static func findings(_ s: Situation) -> [Finding] {
        guard applies(s) else { return [] }
        let notYet = s.message.lowercased().contains("not valid yet")
        var evidence: [Evidence] = [Evidence("server said", "\(s.code ?? "") \"\(s.message)\"")]
        guard let request = s.request, let url = s.url,
            let window = SignedWindow.extract(url: url, headers: request.headers)
        else {
            evidence.append(Evidence("request", "not given or carries no readable signature window"))
            return [
                Finding(
                    notYet ? "request-not-yet-valid.future-start" : "request-expired.signature-window",
                    confidence: .low, evidence: evidence,
                    fix: (FindingCatalogue.entry("request-expired.signature-window")?.fix ?? [])
                        + [
                            "Without the request Signet cannot tell a closed window from a wrong clock: pass it with --request/--curl."
                        ]
                )
            ]
        }
        evidence.append(windowEvidence(window, s))
        guard let server = s.serverTime else {
            evidence.append(Evidence("server time", "unknown (no Date header or ServerTime element)"))
            return [
                Finding(
                    notYet ? "request-not-yet-valid.future-start" : "request-expired.signature-window",
                    confidence: .low,
                    evidence: evidence)
            ]
        }
        let client = s.clientTime
        let analysis = ExpiryAnalysis(
            window: window, serverTime: server.time, serverTimeSource: server.source, localTime: client?.time,
            keyExpiration: s.context.keyExpiration)
        evidence.append(Evidence(server.source, server.text))
        if let client { evidence.append(Evidence("client clock (\(client.source))", client.text)) }
        if let offset = analysis.clockOffset {
            evidence.append(
                Evidence(
                    "clock offset", "\(offset >= 0 ? "+" : "-")\(ExpiryAnalysis.humanSeconds(offset)) (server − client)"
                ))
        }
        if window.hasSessionToken { evidence.append(Evidence("temporary key", "a session token is present")) }
        evidence.append(Evidence("analysis", analysis.explanation))

        var out: [Finding] = []
        switch (analysis.cause, analysis.verdict) {
        case (.localClock, _):
            out.append(Finding("request-expired.local-clock", confidence: .high, evidence: evidence))
        case (.temporaryKey, _):
            out.append(Finding("request-expired.temporary-key", confidence: .high, evidence: evidence))
            out.append(Finding("request-expired.signature-window", confidence: .low, evidence: evidence))
        case (_, .notYetValid):
            out.append(
                Finding(
                    "request-not-yet-valid.future-start", confidence: client == nil ? .medium : .high,
                    evidence: evidence))
            if client == nil {
                out.append(
                    Finding(
                        "request-expired.local-clock", confidence: .medium, evidence: evidence,
                        cause:
                            "The window's start lies after the server's time; that usually means the signer's clock runs ahead."
                    ))
            }
        case (_, .expired), (_, .valid):
            out.append(
                Finding(
                    "request-expired.signature-window", confidence: client == nil ? .medium : .high, evidence: evidence)
            )
            if client == nil {
                out[0].evidence.append(
                    Evidence(
                        "client clock",
                        "unknown; pass --local-time (when the request was sent) to rule a wrong clock in or out"))
            }
        }
        return out
    }

    static func windowEvidence(_ w: SignedWindow, _ s: Situation) -> Evidence {
        switch w.scheme {
        case .cos:
            let text = s.auth?.signTime ?? "\(w.start);\(w.end)"
            return Evidence(
                "q-sign-time (\(w.placement == .query ? "URL" : "Authorization"))",
                "\(text) = \(UTCTime.iso8601(w.start)) … \(UTCTime.iso8601(w.end))")
        case .sigv4:
            if w.placement == .query {
                return Evidence(
                    "X-Amz-Date + X-Amz-Expires",
                    "\(s.auth?.signTime ?? "") + \(s.auth?.expires ?? (w.end - w.start)) s = valid until \(UTCTime.iso8601(w.end))"
                )
            }
            return Evidence("x-amz-date", "\(s.auth?.signTime ?? UTCTime.amzDateTime(w.start))")
        }
    }
}
