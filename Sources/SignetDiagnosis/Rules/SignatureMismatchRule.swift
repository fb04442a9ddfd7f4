import Foundation
import SignetCrypto
import SignetHTTP

/// `SignatureDoesNotMatch`: recomputes the request's canonical form, compares it with the
/// server's echo, re-signs with the user's credentials, and names the first component that differs.
enum SignatureMismatchRule {
    static func findings(_ s: Situation) -> [Finding] {
        guard s.isCode("SignatureDoesNotMatch") || s.isCode("InvalidSecurity") else { return [] }
        guard let request = s.request, let url = s.url, let auth = s.auth, auth.scheme != .none else {
            var f = Finding("signature-mismatch.unexplained", confidence: .low)
            f.evidence = [Evidence("request", s.request == nil ? "not given" : "carries no readable signature")]
            return [f] + echoOnly(s)
        }
        var out = pathHeuristics(request, url: url)
        switch auth.scheme {
        case .cos: out += cos(s, request, url, auth)
        case .sigv4: out += sigv4(s, request, url, auth)
        default:
            out.append(
                Finding(
                    "signature-mismatch.unexplained", confidence: .low,
                    evidence: [Evidence("signature", "AWS Signature V2, which Signet does not recompute")]))
        }
        return merge(out)
    }

    /// Findings from the echo alone, when no request is given.
    static func echoOnly(_ s: Situation) -> [Finding] {
        guard let echo = s.error?.formatString, let view = COSCanonicalView(formatString: echo) else { return [] }
        var out: [Finding] = []
        if view.headers.contains(where: { $0.hasPrefix("content-type=") && $0.lowercased().contains("charset") }) {
            out.append(
                Finding(
                    "signature-mismatch.header-altered", confidence: .medium,
                    evidence: [
                        Evidence(
                            "server's FormatString content-type",
                            view.headers.first { $0.hasPrefix("content-type=") } ?? "")
                    ],
                    cause:
                        "The server saw a Content-Type with a charset parameter; HTTP libraries often add `; charset=utf-8` after the signature was made. Compare with the Content-Type your code signed."
                ))
        }
        if view.path.contains(" ") {
            out.append(
                Finding(
                    "signature-mismatch.path-encoding", confidence: .low,
                    evidence: [Evidence("server's FormatString path", view.path)],
                    cause:
                        "The path the server signed contains a space; if the key has a `+`, it was sent unencoded and the server read it as a space."
                ))
        }
        return out
    }

    /// Wire-path patterns that break signatures whatever the echo says.
    static func pathHeuristics(_ request: ExchangeRequest, url: RequestURL) -> [Finding] {
        let raw = url.rawPath
        var out: [Finding] = []
        if raw.range(of: "%25[0-9A-Fa-f]{2}", options: .regularExpression) != nil {
            out.append(
                Finding(
                    "signature-mismatch.path-encoding", confidence: .medium,
                    evidence: [Evidence("request path on the wire", raw)],
                    cause:
                        "The path contains `%25XX`: the key was percent-encoded twice, so the server's key has a literal `%XX` that the signer most likely did not sign."
                ))
        }
        if raw.contains("+") {
            out.append(
                Finding(
                    "signature-mismatch.path-encoding", confidence: .medium,
                    evidence: [Evidence("request path on the wire", raw)],
                    cause:
                        "The path contains a literal `+`. COS decodes `+` in the path to a space, and form encoders write a space as `+`: the key signed and the key the server reads differ. Send `%2B` for a plus and `%20` for a space."
                ))
        }
        return out
    }

    // MARK: - COS

    static func cos(_ s: Situation, _ request: ExchangeRequest, _ url: RequestURL, _ auth: RequestAuth) -> [Finding] {
        var out: [Finding] = []
        guard let mine = COSCanonicalView.compute(request, url: url, auth: auth) else {
            return [Finding("signature-mismatch.unexplained", confidence: .low)]
        }
        var compared = false
        if let echoText = s.error?.formatString, let echo = COSCanonicalView(formatString: echoText) {
            compared = true
            if let f = compareCOS(mine: mine, echo: echo, url: url) {
                out.append(f)
            } else {
                var evidence = [Evidence("Signet's HttpString for the request", visible(mine.httpString))]
                evidence.append(Evidence("server's FormatString", visible(echoText)))
                if let sts = s.error?.stringToSign {
                    evidence.append(Evidence("server's StringToSign", visible(sts)))
                    let keyLine = sts.split(separator: "\n", omittingEmptySubsequences: false).dropFirst().first
                    if let keyLine, let kt = auth.keyTime, keyLine != kt {
                        out.append(
                            Finding(
                                "signature-mismatch.string-to-sign-differs", confidence: .high,
                                evidence: [
                                    Evidence("q-key-time sent", kt),
                                    Evidence("key time in server's StringToSign", String(keyLine)),
                                ]))
                    }
                }
                out.append(Finding("signature-mismatch.wrong-secret", confidence: .high, evidence: evidence))
            }
        } else if let sts = s.error?.stringToSign {
            compared = true
            let lines = sts.split(separator: "\n", omittingEmptySubsequences: false)
            let mineHash = Hasher<SHA1>.hash(mine.httpString).hex
            if lines.count >= 3, String(lines[2]) == mineHash {
                out.append(
                    Finding(
                        "signature-mismatch.wrong-secret", confidence: .high,
                        evidence: [
                            Evidence("SHA-1 of Signet's HttpString", mineHash),
                            Evidence("hash in server's StringToSign", String(lines[2])),
                        ]))
            } else {
                out.append(
                    Finding(
                        "signature-mismatch.string-to-sign-differs", confidence: .medium,
                        evidence: [
                            Evidence("SHA-1 of Signet's HttpString", mineHash),
                            Evidence("server's StringToSign", visible(sts)),
                        ]))
            }
        }
        // Re-sign with the user's credentials.
        if let creds = s.context.credentials, let keyTime = auth.keyTime, let sent = auth.signature {
            out += resignCOS(
                mine: mine, creds: creds, keyTime: keyTime, sent: sent, request: request, url: url, auth: auth)
        } else if !compared {
            out.append(
                Finding(
                    "signature-mismatch.unexplained", confidence: .low,
                    evidence: [Evidence("Signet's HttpString for the request", visible(mine.httpString))]))
        }
        out += HostRule.findings(s)
        return out
    }

    static func compareCOS(mine: COSCanonicalView, echo: COSCanonicalView, url: RequestURL) -> Finding? {
        let echoName = "server's FormatString"
        if let f = methodDiffers(mine.method, echo.method, in: echoName) { return f }
        if mine.path != echo.path {
            let ev = [
                Evidence("path Signet derives from the URL", mine.path),
                Evidence("path in server's FormatString", echo.path),
                Evidence("request path on the wire", url.rawPath),
            ]
            let plusToSpace = mine.path.replacingAll("+", with: " ") == echo.path
            let encoded = echo.path.contains("%") || mine.path.contains("%") || url.rawPath.contains("+")
            if plusToSpace || encoded {
                return Finding(
                    "signature-mismatch.path-encoding", confidence: .high, evidence: ev,
                    cause: plusToSpace
                        ? "The key holds a `+` that was sent unencoded; the server decoded it to a space, so the key it signed differs from the one the client signed."
                        : nil)
            }
            return Finding("signature-mismatch.path-differs", confidence: .high, evidence: ev)
        }
        if let f = parameterAltered(mine.parameters, echo.parameters, in: echoName) { return f }
        return headerAltered(mine.headers, echo.headers, in: echoName, separator: "=", show: decodedPair)
    }

    static func resignCOS(
        mine: COSCanonicalView, creds: AccessKeyPair, keyTime: String, sent: String, request: ExchangeRequest,
        url: RequestURL, auth: RequestAuth
    ) -> [Finding] {
        guard let ours = mine.signature(secret: creds.secret, keyTime: keyTime) else { return [] }
        var evidence = [
            Evidence("q-signature sent", sent), Evidence("Signet's signature with the given SecretKey", ours),
        ]
        if let ak = auth.accessKeyId, ak != creds.id {
            evidence.append(Evidence("note", "the request's q-ak \(ak) is not the given SecretId \(creds.id)"))
        }
        if ours.lowercased() == sent.lowercased() {
            return [
                Finding(
                    "signature-mismatch.wrong-secret", confidence: .high, evidence: evidence,
                    cause:
                        "Signet signs the request exactly as the client did with the given SecretKey, and the server still disagrees: that SecretKey is not the one the server holds for q-ak \(auth.accessKeyId ?? "?")."
                )
            ]
        }
        // Which variant did the client sign?
        for (label, variant, id) in cosVariants(request, url: url, auth: auth, mine: mine) {
            if variant.signature(secret: creds.secret, keyTime: keyTime)?.lowercased() == sent.lowercased() {
                return [
                    Finding(
                        id, confidence: .high,
                        evidence: evidence + [
                            Evidence("the client's signature is reproduced when", label),
                            Evidence("Signet's HttpString for the request as sent", visible(mine.httpString)),
                            Evidence("HttpString the client signed", visible(variant.httpString)),
                        ])
                ]
            }
        }
        return [
            Finding(
                "signature-mismatch.client-signing-error", confidence: .medium,
                evidence: evidence + [Evidence("Signet's HttpString for the request", visible(mine.httpString))])
        ]
    }

    static func cosVariants(_ request: ExchangeRequest, url: RequestURL, auth: RequestAuth, mine: COSCanonicalView)
        -> [(String, COSCanonicalView, String)]
    {
        variants(
            request, url: url, auth: auth, mine: mine,
            paths: [
                ("the path is signed percent-encoded as on the wire", url.rawPath),
                ("`+` in the path is signed as a space", mine.path.replacingAll("+", with: " ")),
                ("a space in the path is signed as `+`", mine.path.replacingAll(" ", with: "+")),
                ("the path is signed decoded twice", try? PercentEncoding.decodeToString(mine.path)),
            ],
            hostWithPort443: false)
    }

    // MARK: - SigV4

    static func sigv4(_ s: Situation, _ request: ExchangeRequest, _ url: RequestURL, _ auth: RequestAuth) -> [Finding] {
        var out: [Finding] = []
        guard let mine = SigV4CanonicalView.compute(request, url: url, auth: auth) else {
            return [Finding("signature-mismatch.unexplained", confidence: .low)]
        }
        var compared = false
        if let echoText = s.error?.canonicalRequest, let echo = SigV4CanonicalView(echo: echoText) {
            compared = true
            if let f = compareSigV4(mine: mine, echo: echo) {
                out.append(f)
            } else {
                out.append(
                    Finding(
                        "signature-mismatch.wrong-secret", confidence: .high,
                        evidence: [
                            Evidence("Signet's canonical request", visible(mine.canonicalRequest)),
                            Evidence("server's CanonicalRequest", visible(echoText)),
                        ]))
            }
        }
        if let creds = s.context.credentials, let sent = auth.signature, let date = amzDate(auth) {
            out.append(
                resignSigV4(mine: mine, creds: creds, amzDate: date, sent: sent, request: request, url: url, auth: auth)
            )
        } else if !compared {
            out.append(
                Finding(
                    "signature-mismatch.wrong-secret", confidence: .medium,
                    evidence: [
                        Evidence(
                            "comparison",
                            "the server echoed nothing to compare with and no credentials were given to re-sign"),
                        Evidence("key id", auth.accessKeyId ?? "?"),
                    ],
                    cause:
                        "The key id is known to the server (no InvalidAccessKeyId), yet its signature differs; with nothing in the request that looks altered, the usual cause is a secret that does not belong to the key id."
                ))
            out.append(
                Finding(
                    "signature-mismatch.unexplained", confidence: .low,
                    evidence: [Evidence("Signet's canonical request", visible(mine.canonicalRequest))]))
        }
        out += HostRule.findings(s)
        return out
    }

    static func amzDate(_ auth: RequestAuth) -> String? {
        guard let t = auth.signTime else { return nil }
        if UTCTime.parseAmzDateTime(t) != nil { return t }
        return UTCTime.parseHTTPDate(t).map(UTCTime.amzDateTime)
    }

    static func resignSigV4(
        mine: SigV4CanonicalView, creds: AccessKeyPair, amzDate: String, sent: String, request: ExchangeRequest,
        url: RequestURL, auth: RequestAuth
    ) -> Finding {
        func signs(_ view: SigV4CanonicalView) -> Bool {
            view.signature(secret: creds.secret, amzDate: amzDate, scope: auth.scope)?.lowercased() == sent.lowercased()
        }
        let ours = mine.signature(secret: creds.secret, amzDate: amzDate, scope: auth.scope)
        var evidence = [
            Evidence("signature sent", sent), Evidence("Signet's signature with the given secret", ours ?? "?"),
        ]
        if let ak = auth.accessKeyId, ak != creds.id {
            evidence.append(Evidence("note", "the request's access key \(ak) is not the given key id \(creds.id)"))
        }
        if ours?.lowercased() == sent.lowercased() {
            return Finding(
                "signature-mismatch.wrong-secret", confidence: .high, evidence: evidence,
                cause:
                    "Signet signs the request exactly as the client did with the given secret, and the server still disagrees: that secret is not the one the server holds for \(auth.accessKeyId ?? "this key id")."
            )
        }
        // Which variant did the client sign?
        if let (label, variant, id) = sigv4Variants(request, url: url, auth: auth, mine: mine).first(where: {
            signs($0.1)
        }) {
            return Finding(
                id, confidence: .high,
                evidence: evidence + [
                    Evidence("the client's signature is reproduced when", label),
                    Evidence("canonical request the client signed", visible(variant.canonicalRequest)),
                ])
        }
        return Finding(
            "signature-mismatch.client-signing-error", confidence: .medium,
            evidence: evidence + [Evidence("Signet's canonical request", visible(mine.canonicalRequest))])
    }

    static func compareSigV4(mine: SigV4CanonicalView, echo: SigV4CanonicalView) -> Finding? {
        let echoName = "server's CanonicalRequest"
        if let f = methodDiffers(mine.method, echo.method, in: echoName) { return f }
        if mine.path != echo.path {
            let ev = [
                Evidence("canonical path Signet derives", mine.path),
                Evidence("path in server's CanonicalRequest", echo.path),
            ]
            let encodingOnly =
                (try? PercentEncoding.decodeToString(mine.path)) == (try? PercentEncoding.decodeToString(echo.path))
                || echo.path.contains("%25") || mine.path.contains("%25")
            return Finding(
                encodingOnly ? "signature-mismatch.path-encoding" : "signature-mismatch.path-differs",
                confidence: .high,
                evidence: ev)
        }
        if let f = parameterAltered(mine.query, echo.query, in: echoName) { return f }
        if let f = headerAltered(mine.headers, echo.headers, in: echoName, separator: ":", show: { $0 ?? "(absent)" }) {
            return f
        }
        if mine.payload != echo.payload {
            return Finding(
                "payload.content-sha256-mismatch", confidence: .medium,
                evidence: [
                    Evidence("payload hash in the request", mine.payload),
                    Evidence("payload hash in server's CanonicalRequest", echo.payload),
                ])
        }
        return nil
    }

    static func sigv4Variants(_ request: ExchangeRequest, url: RequestURL, auth: RequestAuth, mine: SigV4CanonicalView)
        -> [(String, SigV4CanonicalView, String)]
    {
        var doubled = [UInt8]()
        PercentEncoding.append(mine.path, to: &doubled, keepSlash: true)
        return variants(
            request, url: url, auth: auth, mine: mine,
            paths: [
                ("the path is encoded twice", String(decoding: doubled, as: UTF8.self)),
                ("the path is signed without encoding", try? PercentEncoding.decodeToString(mine.path)),
                ("`+` in the path is signed as `%20`", mine.path.replacingAll("%2B", with: "%20")),
            ],
            hostWithPort443: true)
    }

    // MARK: - Shared

    /// What the client may have signed instead of `mine`, each `(label, view, finding id)`: the
    /// request with one of `paths` (label, path; nil skips it), with the Content-Type a library
    /// changes, or with the Host port dropped (or, when `hostWithPort443`, a `:443` added). Only
    /// views that differ from `mine` are kept, in that order.
    static func variants<View: SignedRequestView>(
        _ request: ExchangeRequest, url: RequestURL, auth: RequestAuth, mine: View,
        paths: [(label: String, path: String?)], hostWithPort443: Bool
    ) -> [(String, View, String)] {
        var out: [(String, View, String)] = []
        func add(_ label: String, _ id: String, path: String? = nil, headers: [String: String] = [:]) {
            if let v = View.compute(request, url: url, auth: auth, pathOverride: path, headerOverrides: headers),
                v != mine
            {
                out.append((label, v, id))
            }
        }
        for (label, path) in paths {
            if let path { add(label, "signature-mismatch.path-encoding", path: path) }
        }
        if let guess = contentTypeGuess(request, auth) {
            add(guess.label, "signature-mismatch.header-altered", headers: ["content-type": guess.value])
        }
        if auth.signedHeaders.contains("host") {
            if url.port != nil {
                add("host is signed without the port", "host-mismatch.signed-host", headers: ["host": url.host])
            } else if hostWithPort443 {
                add("host is signed with port 443", "host-mismatch.signed-host", headers: ["host": url.host + ":443"])
            }
        }
        return out
    }

    /// `method-differs` when the method Signet signs is not the one in the server's echo (`echoName`).
    static func methodDiffers(_ mine: String, _ echo: String, in echoName: String) -> Finding? {
        guard mine != echo else { return nil }
        return Finding(
            "signature-mismatch.method-differs", confidence: .high,
            evidence: [Evidence("method in request", mine), Evidence("method in \(echoName)", echo)])
    }

    /// `parameter-altered` for the first signed query pair that differs from the echo's.
    static func parameterAltered(_ mine: [String], _ echo: [String], in echoName: String) -> Finding? {
        guard let (a, b) = firstDifference(mine, echo) else { return nil }
        return Finding(
            "signature-mismatch.parameter-altered", confidence: .high,
            evidence: [
                Evidence("parameter in the request", a ?? "(absent)"),
                Evidence("parameter in \(echoName)", b ?? "(absent)"),
            ])
    }

    /// `header-altered` (or `signed-host` for Host) for the first signed header that differs from the
    /// echo's; `separator` splits the name from the value, `show` renders one side.
    static func headerAltered(
        _ mine: [String], _ echo: [String], in echoName: String, separator: Character, show: (String?) -> String
    ) -> Finding? {
        guard let (a, b) = firstDifference(mine, echo) else { return nil }
        let name = (a ?? b ?? "").split(separator: separator).first.map(String.init) ?? ""
        return Finding(
            name == "host" ? "host-mismatch.signed-host" : "signature-mismatch.header-altered", confidence: .high,
            evidence: [
                Evidence("\(name) as in the request", show(a)), Evidence("\(name) in \(echoName)", show(b)),
            ])
    }

    /// The Content-Type a client may really have signed when the wire value differs: without its
    /// parameters, or with the `; charset=utf-8` that libraries add. Nil when Content-Type is not signed.
    static func contentTypeGuess(_ request: ExchangeRequest, _ auth: RequestAuth) -> (label: String, value: String)? {
        guard let ct = request.headers["Content-Type"], auth.signedHeaders.contains("content-type") else { return nil }
        if let semi = ct.firstIndex(of: ";") {
            return ("Content-Type is signed without `\(ct[semi...])`", String(ct[..<semi]).trimmingSpaces)
        }
        return ("Content-Type is signed with `; charset=utf-8`", ct + "; charset=utf-8")
    }

    static func firstDifference(_ a: [String], _ b: [String]) -> (String?, String?)? {
        let n = max(a.count, b.count)
        for i in 0..<n {
            let x = i < a.count ? a[i] : nil
            let y = i < b.count ? b[i] : nil
            if x != y {
                // Name the pair by name: same name on both sides when possible.
                let name = (x ?? y ?? "").split(whereSeparator: { $0 == "=" || $0 == ":" }).first.map(String.init)
                let inA = a.first { $0.hasPrefix((name ?? "") + "=") || $0.hasPrefix((name ?? "") + ":") }
                let inB = b.first { $0.hasPrefix((name ?? "") + "=") || $0.hasPrefix((name ?? "") + ":") }
                return (inA, inB)
            }
        }
        return nil
    }

    static func decodedPair(_ pair: String?) -> String {
        guard let pair else { return "(absent)" }
        let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count == 2 else { return pair }
        let v = (try? PercentEncoding.decodeToString(String(parts[1]))) ?? String(parts[1])
        return "\(v)   [signed form: \(pair)]"
    }

    static func visible(_ s: String) -> String { s.replacingAll("\n", with: "\\n") }

    /// Keeps the first finding of each id (the most confident when equal ids repeat).
    static func merge(_ list: [Finding]) -> [Finding] {
        var out: [Finding] = []
        for f in list {
            if let i = out.firstIndex(where: { $0.id == f.id }) {
                if f.confidence > out[i].confidence {
                    var g = f
                    g.evidence += out[i].evidence
                    out[i] = g
                } else {
                    out[i].evidence += f.evidence.filter { !out[i].evidence.contains($0) }
                }
            } else {
                out.append(f)
            }
        }
        return out
    }
}

/// A scheme's signed form of a request (COS HttpString, SigV4 canonical request), which
/// `SignatureMismatchRule.variants` recomputes under hypotheses.
protocol SignedRequestView: Equatable {
    static func compute(
        _ request: ExchangeRequest, url: RequestURL, auth: RequestAuth, pathOverride: String?,
        headerOverrides: [String: String]
    ) -> Self?
}

extension COSCanonicalView: SignedRequestView {}
extension SigV4CanonicalView: SignedRequestView {}
