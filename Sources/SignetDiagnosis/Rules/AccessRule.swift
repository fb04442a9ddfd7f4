/// InvalidAccessKeyId, ExpiredToken / InvalidToken, and the AccessDenied variants (permission,
/// referer, CORS, temporary-key policy, anonymous, unsigned headers, missing date).
enum AccessRule {
    static func findings(_ s: Situation) -> [Finding] {
        var out: [Finding] = []
        let auth = s.auth
        let keyEvidence =
            auth?.accessKeyId.map { [Evidence(auth?.scheme == .cos ? "q-ak" : "access key id", $0)] } ?? []
        if s.isCode("InvalidAccessKeyId") || s.isCode("InvaildAccessKeyId") {
            let temporaryLooking = auth?.accessKeyId.map { $0.hasPrefix("ASIA") } ?? false
            if temporaryLooking, auth?.sessionToken == nil {
                out.append(
                    Finding(
                        "access-key.missing-session-token", confidence: .high,
                        evidence: keyEvidence + [Evidence("session token", "none in the request")]))
            }
            out.append(
                Finding(
                    "access-key.unknown-id",
                    confidence: temporaryLooking && auth?.sessionToken == nil ? .medium : .high,
                    evidence: keyEvidence
                        + (auth?.sessionToken != nil
                            ? [
                                Evidence(
                                    "session token",
                                    "present: the temporary key may have expired or the token may not match")
                            ] : [])))
        }
        if s.isCode("ExpiredToken") {
            out.append(
                Finding("access-key.expired-token", confidence: .high, evidence: keyEvidence + messageEvidence(s)))
        }
        if s.isCode("InvalidToken") {
            out.append(
                Finding("access-key.invalid-token", confidence: .high, evidence: keyEvidence + messageEvidence(s)))
        }
        if s.isCode("AccessForbidden") {
            out.append(
                Finding("access-denied.cors", confidence: .high, evidence: messageEvidence(s) + originEvidence(s)))
        }
        guard s.isCode("AccessDenied"), !ExpiryRule.applies(s) else { return out }
        let m = s.message.lowercased()
        if m.contains("referer") {
            var ev = messageEvidence(s)
            ev.append(Evidence("Referer sent", s.request?.headers["Referer"] ?? "(none)"))
            out.append(Finding("access-denied.referer", confidence: .high, evidence: ev))
        } else if m.contains("accessforbidden") || m.contains("cors") || (s.request?.upperMethod == "OPTIONS") {
            out.append(
                Finding("access-denied.cors", confidence: .high, evidence: messageEvidence(s) + originEvidence(s)))
        } else if m.contains("not signed") {
            out.append(
                Finding(
                    "access-denied.unsigned-headers", confidence: .high,
                    evidence: messageEvidence(s) + [
                        Evidence("signed headers", auth?.signedHeaders.joined(separator: ";") ?? "")
                    ]))
        } else if m.contains("date or x-amz-date") {
            out.append(Finding("access-denied.missing-date", confidence: .high, evidence: messageEvidence(s)))
        } else if auth?.scheme == Optional(RequestAuth.Scheme.none) {
            out.append(
                Finding(
                    "access-denied.anonymous", confidence: .high,
                    evidence: messageEvidence(s) + [Evidence("Authorization", "none, and no signature in the URL")]))
        } else if auth?.sessionToken != nil {
            out.append(
                Finding(
                    "access-denied.sts-policy-scope", confidence: .medium,
                    evidence: messageEvidence(s) + keyEvidence + [Evidence("session token", "present (temporary key)")]
                        + resourceEvidence(s)))
            out.append(
                Finding(
                    "access-denied.permission", confidence: .low, evidence: messageEvidence(s) + resourceEvidence(s)))
        } else {
            out.append(
                Finding(
                    "access-denied.permission", confidence: s.request == nil ? .medium : .high,
                    evidence: messageEvidence(s) + keyEvidence + resourceEvidence(s)))
        }
        return out
    }

    static func messageEvidence(_ s: Situation) -> [Evidence] {
        [Evidence("server said", "\(s.code ?? "") \"\(s.message)\"")]
    }

    static func originEvidence(_ s: Situation) -> [Evidence] {
        var ev: [Evidence] = []
        if let o = s.request?.headers["Origin"] { ev.append(Evidence("Origin", o)) }
        if let m = s.request?.headers["Access-Control-Request-Method"] {
            ev.append(Evidence("Access-Control-Request-Method", m))
        }
        if let h = s.request?.headers["Access-Control-Request-Headers"] {
            ev.append(Evidence("Access-Control-Request-Headers", h))
        }
        return ev
    }

    static func resourceEvidence(_ s: Situation) -> [Evidence] {
        var ev: [Evidence] = []
        if let r = s.error?.resource { ev.append(Evidence("Resource", r)) }
        if !s.method.isEmpty { ev.append(Evidence("action", "\(s.method) \(s.url?.rawPath ?? "")")) }
        return ev
    }
}
