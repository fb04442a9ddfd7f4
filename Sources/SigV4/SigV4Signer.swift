import SignetCrypto
import SignetHTTP

/// Signs S3-compatible (and other AWS-style) requests with Signature Version 4: Authorization
/// headers and presigned URLs.
///
/// A signer is a value you can share between threads. It keeps the `"AWS4" + secret` HMAC state
/// and the last signing key it derived (per day, region and service), so signing many requests on
/// the same day re-keys nothing.
///
/// ```swift
/// let signer = SigV4Signer(
///     credentials: try SigV4Credentials(accessKeyId: id, secretAccessKey: secret),
///     settings: try SigV4Settings(region: "us-east-1"))
/// let url = try signer.presignedURL(url: "https://bucket.s3.amazonaws.com/key", expires: 900)
/// ```
public struct SigV4Signer: Sendable {
    public let credentials: SigV4Credentials
    public let settings: SigV4Settings
    /// Where "now" comes from when no explicit time is given.
    public var clock: any SigningClock
    private let secretMAC: HMACKey<SHA256>
    let cache: SigningKeyCache

    /// The longest `X-Amz-Expires` S3 accepts: 7 days.
    public static let maximumExpires: Int64 = 604_800
    /// The last second SigV4's four-digit year can express.
    public static let latestTime: Int64 = 253_402_300_799

    public init(credentials: SigV4Credentials, settings: SigV4Settings, clock: any SigningClock = SystemClock()) {
        self.credentials = credentials
        self.settings = settings
        self.clock = clock
        self.secretMAC = SigV4Canonical.secretMAC(credentials.secretAccessKey)
        self.cache = SigningKeyCache()
    }

    // MARK: - Time rules

    /// The signing time: `time` when given, else the clock's now (whole seconds).
    public func resolveTime(_ time: Int64?) -> Int64 { time ?? Int64(clock.now().rounded(.down)) }

    /// Checks `X-Amz-Expires` (1…604800) and applies the temporary-credentials rule: a presigned URL
    /// never outlives its credentials. Returns the expires to use (shortened when clamping).
    /// - Throws: `SignetError` naming `expires`.
    public func checkedExpires(_ expires: Int64, at time: Int64) throws -> Int64 {
        guard expires >= 1, expires <= SigV4Signer.maximumExpires else {
            throw SignetError(
                "expires",
                "\(expires) s is outside 1...604800; S3 refuses a presigned URL valid for more than 7 days "
                    + "(AuthorizationQueryParametersError)",
                allowed: "1 to 604800 seconds (e.g. 900, 15m, 2h, 7d)")
        }
        guard let expiration = credentials.expiration else { return expires }
        try checkCredentialsValid(at: time)
        let end = time + expires
        guard end > expiration else { return expires }
        if settings.clampToCredentialExpiration { return expiration - time }
        throw SignetError(
            "expires",
            "the URL would stay valid until \(UTCTime.iso8601(end)) (\(end)), after the temporary credentials "
                + "expire at \(UTCTime.iso8601(expiration)) (\(expiration)); a presigned URL cannot outlive its "
                + "credentials, so the server would refuse it from then on",
            allowed:
                "expires of at most \(expiration - time) s, or clamping to the credentials "
                + "(clampToCredentialExpiration / --clamp-to-key)")
    }

    /// Throws when temporary credentials have already expired at `time`.
    public func checkCredentialsValid(at time: Int64) throws {
        guard let expiration = credentials.expiration, expiration <= time else { return }
        throw SignetError(
            "credentials",
            "the temporary credentials expired at \(UTCTime.iso8601(expiration)) (\(expiration)), not after the "
                + "request time \(UTCTime.iso8601(time)) (\(time))",
            allowed: "fresh temporary credentials from STS")
    }

    static func checkTime(_ time: Int64) throws {
        guard time >= 0, time <= latestTime else {
            throw SignetError("time", "\(time) is not a Unix time SigV4 can express", allowed: "0 ... \(latestTime)")
        }
    }

    // MARK: - Signing

    /// Header mode: the Authorization header and the fields to add, with every intermediate value.
    public func sign(_ request: SigningRequest, payload: SigV4Payload = .bodySHA256, at time: Int64? = nil) throws
        -> SigV4Signature
    {
        try run(
            method: request.method, url: request.url, headers: request.headers, body: request.body, payload: payload,
            expires: nil, time: resolveTime(time), capture: true
        )
        .signature!
    }

    /// Query mode: a presigned URL valid for `expires` seconds, with every intermediate value.
    public func presign(
        _ request: SigningRequest, expires: Int64, payload: SigV4Payload = .unsigned, at time: Int64? = nil
    ) throws -> SigV4Signature {
        try run(
            method: request.method, url: request.url, headers: request.headers, body: request.body, payload: payload,
            expires: expires, time: resolveTime(time), capture: true
        )
        .signature!
    }

    /// The presigned URL only (the fast path).
    public func presignedURL(
        method: String = "GET", url: RequestURL, headers: HTTPHeaders = HTTPHeaders(), expires: Int64,
        payload: SigV4Payload = .unsigned, at time: Int64? = nil
    ) throws -> String {
        try run(
            method: method, url: url, headers: headers, body: nil, payload: payload, expires: expires,
            time: resolveTime(time), capture: false
        )
        .text
    }

    /// The presigned URL of a URL string (the fast path).
    public func presignedURL(method: String = "GET", url: String, expires: Int64, at time: Int64? = nil) throws
        -> String
    {
        try SigningRequest.validateMethod(method)
        return try presignedURL(method: method, url: try RequestURL(url), expires: expires, at: time)
    }

    /// Header mode, fast path: only the fields to add (X-Amz-Date, x-amz-content-sha256,
    /// X-Amz-Security-Token, Authorization).
    public func headersToAdd(_ request: SigningRequest, payload: SigV4Payload = .bodySHA256, at time: Int64? = nil)
        throws -> [HTTPHeader]
    {
        try run(
            method: request.method, url: request.url, headers: request.headers, body: request.body, payload: payload,
            expires: nil, time: resolveTime(time), capture: false
        )
        .headers
    }

    // MARK: - Engine

    private struct Output {
        var text: String
        var headers: [HTTPHeader]
        var signature: SigV4Signature?
    }

    @inline(__always) private static func raw(_ s: StaticString) -> UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(start: s.utf8Start, count: s.utf8CodeUnitCount)
    }

    /// Query parameters that only the signer may write.
    private static let reservedParameters: [StaticString] = [
        "X-Amz-Signature", "X-Amz-Date", "X-Amz-Credential", "X-Amz-Algorithm", "X-Amz-SignedHeaders",
        "X-Amz-Security-Token", "X-Amz-Expires",
    ]

    private func run(
        method: String, url: RequestURL, headers: HTTPHeaders, body: [UInt8]?, payload: SigV4Payload,
        expires requestedExpires: Int64?, time: Int64, capture: Bool
    ) throws -> Output {
        try SigV4Signer.checkTime(time)
        let isQuery = requestedExpires != nil
        var expires: Int64 = 0
        if let requestedExpires {
            expires = try checkedExpires(requestedExpires, at: time)
        } else {
            try checkCredentialsValid(at: time)
        }
        let token = credentials.sessionToken
        let signToken = token != nil && settings.sessionTokenSigned
        let amz = AmzTime(time)
        let payloadValue = payload.value(body: body)

        // Caller fields: refuse the signer's own, note Host and x-amz-content-sha256.
        var hasHost = false
        var suppliedContentSHA: String?
        var headerBytes = 0
        for f in headers {
            headerBytes += f.name.utf8.count + f.value.utf8.count
            if HTTPHeaders.equalNames(f.name, "host") {
                hasHost = true
            } else if HTTPHeaders.equalNames(f.name, "x-amz-date") || HTTPHeaders.equalNames(f.name, "authorization")
                || HTTPHeaders.equalNames(f.name, "x-amz-security-token")
            {
                throw SignetError(
                    "header \"\(f.name)\"", "is written by the signer and must not be supplied",
                    allowed: "the request without X-Amz-Date, X-Amz-Security-Token and Authorization fields")
            } else if HTTPHeaders.equalNames(f.name, "x-amz-content-sha256") {
                suppliedContentSHA = f.value.trimmingSpaces
            }
        }
        if !isQuery, let supplied = suppliedContentSHA, supplied != payloadValue {
            throw SignetError(
                "header \"x-amz-content-sha256\"",
                "says \"\(supplied)\" but the payload setting gives \"\(payloadValue)\"",
                allowed: "leaving the field out (the signer adds it from the payload setting) or the same value")
        }

        // Canonical headers.
        var list = CanonicalHeaderList(
            capacity: headerBytes + url.authority.utf8.count + 160 + (token?.utf8.count ?? 0))
        for f in headers { list.add(name: f.name, value: f.value) }
        if !hasHost { list.add(name: "host", value: url.authority) }
        var addedContentSHA = false
        if !isQuery {
            amz.withDateTime { list.add(name: "x-amz-date", value: $0) }
            if settings.contentSha256Header && suppliedContentSHA == nil {
                list.add(name: "x-amz-content-sha256", value: payloadValue)
                addedContentSHA = true
            }
            if let token, signToken { list.add(name: "x-amz-security-token", value: token) }
        }
        switch settings.signedHeaders {
        case .standard:
            if !headers.fields.isEmpty { list.filter { !SigV4Settings.unsignedHeaderNames.contains($0) } }
        case .exactly(let names):
            let wanted = Set(names.map { $0.lowercased() })
            for name in wanted where !list.contains(name) {
                throw SignetError(
                    "signedHeaders", "\"\(name)\" is not a header of the request",
                    allowed: "names of fields present (host, x-amz-date and the like count once the signer adds them)")
            }
            list.filter { wanted.contains($0) }
        }
        list.sort()
        var scratch = [UInt8]()
        scratch.reserveCapacity(256 + credentials.accessKeyId.utf8.count)
        list.writeSignedNames(into: &scratch)
        let namesEnd = scratch.count
        // Credential = accessKeyId/scope; scope = date/region/service/aws4_request.
        scratch.append(utf8: credentials.accessKeyId)
        scratch.append(UInt8(ascii: "/"))
        let scopeStart = scratch.count
        amz.withDate { scratch.append(contentsOf: $0) }
        scratch.append(UInt8(ascii: "/"))
        scratch.append(utf8: settings.region)
        scratch.append(UInt8(ascii: "/"))
        scratch.append(utf8: settings.service)
        scratch.append(contentsOf: SigV4Signer.raw("/aws4_request"))
        let credentialEnd = scratch.count

        // Canonical query.
        var pairs = EncodedPairs(capacity: url.text.utf8.count * 2 + (isQuery ? 320 + (token?.utf8.count ?? 0) * 3 : 0))
        try SigV4Canonical.addQuery(of: url, to: &pairs)
        for e in pairs.entries {
            let reserved = pairs.storage.withUnsafeBytes { s in
                let name = UnsafeRawBufferPointer(rebasing: s[e.name])
                return SigV4Signer.reservedParameters.first { ByteWriting.equalsIgnoringCase(name, $0) }
            }
            if let reserved {
                throw SignetError(
                    "url", "already carries the \(reserved) parameter, which only the signer writes",
                    allowed:
                        "the URL without X-Amz-Signature, X-Amz-Date, X-Amz-Credential and the other X-Amz- signing parameters"
                )
            }
        }
        if isQuery {
            scratch.withUnsafeBytes { s in
                pairs.add(
                    name: SigV4Signer.raw("X-Amz-Algorithm"), value: SigV4Signer.raw("AWS4-HMAC-SHA256"),
                    lowercaseName: false)
                pairs.add(
                    name: SigV4Signer.raw("X-Amz-Credential"),
                    value: UnsafeRawBufferPointer(rebasing: s[namesEnd..<credentialEnd]),
                    lowercaseName: false)
                amz.withDateTime { pairs.add(name: SigV4Signer.raw("X-Amz-Date"), value: $0, lowercaseName: false) }
                var digits = [UInt8]()
                digits.append(decimal: expires)
                digits.withUnsafeBytes {
                    pairs.add(name: SigV4Signer.raw("X-Amz-Expires"), value: $0, lowercaseName: false)
                }
                pairs.add(
                    name: SigV4Signer.raw("X-Amz-SignedHeaders"),
                    value: UnsafeRawBufferPointer(rebasing: s[0..<namesEnd]),
                    lowercaseName: false)
            }
            if let token, signToken {
                var t = token
                t.withUTF8 {
                    pairs.add(
                        name: SigV4Signer.raw("X-Amz-Security-Token"), value: UnsafeRawBufferPointer($0),
                        lowercaseName: false)
                }
            }
        }
        pairs.sort()

        // Canonical request → string to sign → signature, in one buffer.
        var buf = [UInt8]()
        buf.reserveCapacity(
            method.utf8.count + url.text.utf8.count * 3 + pairs.storage.count + list.storage.count + namesEnd * 2 + 400)
        buf.append(utf8: method)
        buf.append(0x0a)
        let pathStart = buf.count
        try url.withRawPath {
            try SigV4Canonical.appendCanonicalURI(
                $0, normalizePath: settings.normalizePath, doubleEncode: settings.doubleEncode, to: &buf)
        }
        let pathEnd = buf.count
        buf.append(0x0a)
        pairs.writePairs(into: &buf)
        buf.append(0x0a)
        list.writeCanonical(into: &buf)
        buf.append(0x0a)
        buf.append(contentsOf: scratch[0..<namesEnd])
        buf.append(0x0a)
        buf.append(utf8: payloadValue)
        let canonicalEnd = buf.count
        let canonicalHash = buf.withUnsafeBytes {
            Hasher<SHA256>.hash(UnsafeRawBufferPointer(rebasing: $0[0..<canonicalEnd]))
        }
        let stsStart = buf.count
        buf.append(contentsOf: SigV4Signer.raw("AWS4-HMAC-SHA256\n"))
        amz.withDateTime { buf.append(contentsOf: $0) }
        buf.append(0x0a)
        buf.append(contentsOf: scratch[scopeStart..<credentialEnd])
        buf.append(0x0a)
        ByteWriting.appendHex(canonicalHash, to: &buf)
        let key = signingKey(time: time, amz: amz)
        let signature = buf.withUnsafeBytes { key.mac.authenticate(UnsafeRawBufferPointer(rebasing: $0[stsStart...])) }

        // Output.
        var out = [UInt8]()
        var added: [HTTPHeader] = []
        if isQuery {
            out.reserveCapacity(url.text.utf8.count * 3 + pairs.storage.count + 80)
            out.append(utf8: url.scheme)
            out.append(contentsOf: SigV4Signer.raw("://"))
            out.append(utf8: url.authority)
            if !settings.normalizePath && !settings.doubleEncode {
                out.append(contentsOf: buf[pathStart..<pathEnd])
            } else {
                try url.withRawPath {
                    try SigV4Canonical.appendCanonicalURI($0, normalizePath: false, doubleEncode: false, to: &out)
                }
            }
            out.append(UInt8(ascii: "?"))
            try url.withBytes { b in
                for item in url.rawQueryItems {
                    try PercentEncoding.appendReencoded(
                        UnsafeRawBufferPointer(rebasing: b[item.nameStart..<item.nameEnd]), to: &out, field: "url query"
                    )
                    if let vs = item.valueStart {
                        out.append(UInt8(ascii: "="))
                        try PercentEncoding.appendReencoded(
                            UnsafeRawBufferPointer(rebasing: b[vs..<item.valueEnd]), to: &out, field: "url query")
                    }
                    out.append(UInt8(ascii: "&"))
                }
            }
            out.append(contentsOf: SigV4Signer.raw("X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential="))
            scratch.withUnsafeBytes {
                PercentEncoding.append(UnsafeRawBufferPointer(rebasing: $0[namesEnd..<credentialEnd]), to: &out)
            }
            out.append(contentsOf: SigV4Signer.raw("&X-Amz-Date="))
            amz.withDateTime { out.append(contentsOf: $0) }
            out.append(contentsOf: SigV4Signer.raw("&X-Amz-Expires="))
            out.append(decimal: expires)
            out.append(contentsOf: SigV4Signer.raw("&X-Amz-SignedHeaders="))
            scratch.withUnsafeBytes {
                PercentEncoding.append(UnsafeRawBufferPointer(rebasing: $0[0..<namesEnd]), to: &out)
            }
            if let token {
                out.append(contentsOf: SigV4Signer.raw("&X-Amz-Security-Token="))
                PercentEncoding.append(token, to: &out)
            }
            out.append(contentsOf: SigV4Signer.raw("&X-Amz-Signature="))
            ByteWriting.appendHex(signature, to: &out)
        } else {
            out.reserveCapacity(credentialEnd + 120)
            out.append(contentsOf: SigV4Signer.raw("AWS4-HMAC-SHA256 Credential="))
            out.append(contentsOf: scratch[namesEnd..<credentialEnd])
            out.append(contentsOf: SigV4Signer.raw(", SignedHeaders="))
            out.append(contentsOf: scratch[0..<namesEnd])
            out.append(contentsOf: SigV4Signer.raw(", Signature="))
            ByteWriting.appendHex(signature, to: &out)
            added.reserveCapacity(4)
            added.append(HTTPHeader("X-Amz-Date", amz.dateTime))
            if addedContentSHA { added.append(HTTPHeader("x-amz-content-sha256", payloadValue)) }
            if let token { added.append(HTTPHeader("X-Amz-Security-Token", token)) }
        }
        let text = String(decoding: out, as: UTF8.self)
        if !isQuery { added.append(HTTPHeader("Authorization", text)) }
        guard capture else { return Output(text: text, headers: added, signature: nil) }

        let result = SigV4Signature(
            mode: isQuery ? .query : .header, amzDate: amz.dateTime,
            credentialScope: String(decoding: scratch[scopeStart..<credentialEnd], as: UTF8.self),
            payloadHash: payloadValue, expires: isQuery ? expires : nil,
            canonicalRequest: String(decoding: buf[0..<canonicalEnd], as: UTF8.self),
            stringToSign: String(decoding: buf[stsStart...], as: UTF8.self), signingKey: Redacted(key.key.hex),
            signature: signature.hex, signedHeaders: String(decoding: scratch[0..<namesEnd], as: UTF8.self),
            authorization: isQuery ? nil : text, headersToAdd: added, url: isQuery ? text : nil,
            signingKeyMAC: key.mac)
        return Output(text: text, headers: added, signature: result)
    }

    /// The signing key for the request's day, from the one-entry cache or derived now.
    private func signingKey(time: Int64, amz: AmzTime) -> SigningKeyCache.Entry {
        let day = time / 86_400
        if let hit = cache.lookup(day: day, region: settings.region, service: settings.service) { return hit }
        let digest = SigV4Canonical.signingKey(
            secretMAC: secretMAC, date: amz.date, region: settings.region, service: settings.service)
        let entry = SigningKeyCache.Entry(
            day: day, region: settings.region, service: settings.service, key: digest, mac: HMACKey<SHA256>(key: digest)
        )
        cache.store(entry)
        return entry
    }
}
