import SignetCrypto
import SignetHTTP

/// Signs S3-compatible (and other AWS-style) requests with Signature Version 4: Authorization
/// headers and presigned URLs.
///
/// A signer is a value you can share between threads. It keeps the `"AWS4" + secret` HMAC state
/// and the last signing key it derived (its region and service are fixed, so one per day), shared
/// by all threads and copied into each thread's key slot, so signing many requests on the same day
/// re-keys nothing and takes no lock.
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
    let cache: SigningKeyCache

    /// The longest `X-Amz-Expires` S3 accepts: 7 days.
    public static let maximumExpires: Int64 = 604_800
    /// The last second SigV4's four-digit year can express.
    public static let latestTime: Int64 = 253_402_300_799

    public init(credentials: SigV4Credentials, settings: SigV4Settings, clock: any SigningClock = SystemClock()) {
        self.credentials = credentials
        self.settings = settings
        self.clock = clock
        self.cache = SigningKeyCache(
            secretMAC: SigV4Canonical.secretMAC(credentials.secretAccessKey), accessKeyId: credentials.accessKeyId,
            region: settings.region, service: settings.service)
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
        .signature!.value
    }

    /// Query mode: a presigned URL valid for `expires` seconds, with every intermediate value.
    public func presign(
        _ request: SigningRequest, expires: Int64, payload: SigV4Payload = .unsigned, at time: Int64? = nil
    ) throws -> SigV4Signature {
        try run(
            method: request.method, url: request.url, headers: request.headers, body: request.body, payload: payload,
            expires: expires, time: resolveTime(time), capture: true
        )
        .signature!.value
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

    /// The presigned URL of an object named by its parts (nothing encoded by hand): the fast path
    /// for handing out downloads and uploads.
    public func presignedURL(
        method: String = "GET", object: ObjectLocation, expires: Int64, payload: SigV4Payload = .unsigned,
        at time: Int64? = nil
    ) throws -> String {
        try SigningRequest.validateMethod(method)
        if presignsObjectsDirectly {
            return try directPresignedURL(
                method: method, object: object, expires: expires, payload: payload, time: resolveTime(time))
        }
        return try run(
            method: method, url: object, headers: HTTPHeaders(), body: nil, payload: payload, expires: expires,
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
        /// Boxed, so that the fast path's result stays a few words to move.
        var signature: Captured?
    }

    /// Every intermediate value of one signature.
    private final class Captured: Sendable {
        let value: SigV4Signature
        init(_ value: SigV4Signature) { self.value = value }
    }

    /// The error for a name in `signedHeaders` that the request does not carry.
    private static func missingSignedHeader(_ name: String) -> SignetError {
        SignetError(
            "signedHeaders", "\"\(name)\" is not a header of the request",
            allowed: "names of fields present (host, x-amz-date and the like count once the signer adds them)")
    }

    /// Query parameters that only the signer may write.
    private static let reservedParameters: [StaticString] = [
        "X-Amz-Signature", "X-Amz-Date", "X-Amz-Credential", "X-Amz-Algorithm", "X-Amz-SignedHeaders",
        "X-Amz-Security-Token", "X-Amz-Expires",
    ]

    private func run(
        method: String, url: some RequestTarget, headers: HTTPHeaders, body: [UInt8]?, payload: SigV4Payload,
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
        let amz = AmzTime(time, date: cache.withKey(day: time / 86_400) { $0.pointee.date })
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

        // One buffer for everything; offsets below point into it.
        let estimate = bufferEstimate(url, headerBytes: headerBytes, isQuery: isQuery)
        return try ByteBuffer.withScratch(capacity: estimate) { w in
            try BufferPairs.with(capacity: url.queryItemCount) { own in
                try run(
                    method: method, url: url, headers: headers, payload: payloadValue, isQuery: isQuery,
                    expires: expires, time: time, amz: amz, hasHost: hasHost, suppliedContentSHA: suppliedContentSHA,
                    headerBytes: headerBytes, capture: capture, w: &w, own: &own)
            }
        }
    }

    /// The pipeline proper, writing into `w`: header block, query lists, canonical request, string
    /// to sign, signature and output.
    private func run(
        method: String, url: some RequestTarget, headers: HTTPHeaders, payload payloadValue: String, isQuery: Bool,
        expires: Int64, time: Int64, amz: AmzTime, hasHost: Bool, suppliedContentSHA: String?, headerBytes: Int,
        capture: Bool, w: inout ByteBuffer, own: inout BufferPairs
    ) throws -> Output {
        let token = credentials.sessionToken
        let signToken = token != nil && settings.sessionTokenSigned
        let tokenLength = token?.utf8.count ?? 0

        // Signed header names and the canonical header block (written to `headerBlock`).
        var addedContentSHA = false
        let namesRange: Range<Int>
        let headerBlock: Range<Int>
        if headers.fields.isEmpty {
            // Only the signer's own fields, which sort as host < x-amz-content-sha256 < x-amz-date
            // < x-amz-security-token.
            var host = true
            var content = !isQuery && settings.contentSha256Header
            var date = !isQuery
            var securityToken = !isQuery && signToken
            addedContentSHA = content
            if case .exactly(let names) = settings.signedHeaders {
                let wanted = Set(names.map { $0.lowercased() })
                let present: Set<String> = Set(
                    ["host"] + (content ? ["x-amz-content-sha256"] : []) + (date ? ["x-amz-date"] : [])
                        + (securityToken ? ["x-amz-security-token"] : []))
                for name in wanted where !present.contains(name) {
                    throw SigV4Signer.missingSignedHeader(name)
                }
                host = wanted.contains("host")
                content = content && wanted.contains("x-amz-content-sha256")
                date = date && wanted.contains("x-amz-date")
                securityToken = securityToken && wanted.contains("x-amz-security-token")
            }
            var start = w.count
            var first = true
            func name(_ n: StaticString, _ on: Bool) {
                guard on else { return }
                if !first { w.append(UInt8(ascii: ";")) }
                first = false
                w.append(n)
            }
            name("host", host)
            name("x-amz-content-sha256", content)
            name("x-amz-date", date)
            name("x-amz-security-token", securityToken)
            namesRange = start..<w.count
            start = w.count
            if host {
                w.append("host:")
                url.withAuthority { w.append($0) }
                w.append(0x0a)
            }
            if content {
                w.append("x-amz-content-sha256:")
                w.append(utf8: payloadValue)
                w.append(0x0a)
            }
            if date {
                w.append("x-amz-date:")
                w.append(dateTime: amz)
                w.append(0x0a)
            }
            if securityToken, let token {
                var list = CanonicalHeaderList(capacity: tokenLength + 24)
                list.add(name: "x-amz-security-token", value: token)
                list.writeCanonical(into: &w)
            }
            headerBlock = start..<w.count
        } else {
            var list = CanonicalHeaderList(capacity: headerBytes + url.byteCountEstimate + 160 + tokenLength)
            let standard = settings.signedHeaders == .standard
            for f in headers {
                var name = f.name
                var value = f.value
                name.withUTF8 { n in
                    let n = UnsafeRawBufferPointer(n)
                    if standard && SigV4Signer.isUnsignedByDefault(n) { return }
                    value.withUTF8 { list.add(name: n, value: UnsafeRawBufferPointer($0)) }
                }
            }
            if !hasHost { url.withAuthority { list.add(name: "host", value: $0) } }
            if !isQuery {
                amz.withDateTime { list.add(name: "x-amz-date", value: $0) }
                if settings.contentSha256Header && suppliedContentSHA == nil {
                    list.add(name: "x-amz-content-sha256", value: payloadValue)
                    addedContentSHA = true
                }
                if let token, signToken { list.add(name: "x-amz-security-token", value: token) }
            }
            if case .exactly(let names) = settings.signedHeaders {
                let wanted = Set(names.map { $0.lowercased() })
                for name in wanted where !list.contains(name) {
                    throw SigV4Signer.missingSignedHeader(name)
                }
                list.filter { wanted.contains($0) }
            }
            list.sort()
            var start = w.count
            list.writeSignedNames(into: &w)
            namesRange = start..<w.count
            start = w.count
            list.writeCanonical(into: &w)
            headerBlock = start..<w.count
        }

        // The URL's own parameters, encoded once (the canonical query and the URL share the bytes).
        let urlItems = try SigV4Canonical.writeQueryItems(of: url, into: &w, pairs: &own)
        try SigV4Signer.refuseSignerParameters(own, in: w)
        own.sort(in: w)

        let query = isQuery ? writeQueryRun(amz: amz, expires: expires, signedHeaders: namesRange, into: &w) : nil

        let (canonicalRange, pathRange) = try SigV4Signer.writeCanonicalRequest(
            method: method, own: own, amzRun: query?.run ?? 0..<0, headerBlock: headerBlock, signedHeaders: namesRange,
            payload: payloadValue, into: &w
        ) { w in
            if !url.isWireForm && !settings.normalizePath && !settings.doubleEncode {
                url.appendWirePath(to: &w)  // an encoded key is already the S3 canonical URI
            } else {
                try url.withWirePath {
                    try SigV4Canonical.appendCanonicalURI(
                        $0, normalizePath: settings.normalizePath, doubleEncode: settings.doubleEncode, to: &w)
                }
            }
        }
        let canonicalHash = Hasher<SHA256>.hash(w.bytes(canonicalRange))

        // String to sign and signature (with the day's key in full when the stages are captured).
        let (stsRange, scopeRange) = writeStringToSign(amz: amz, canonicalHash: canonicalHash, into: &w)
        let (signature, key) = cache.withKey(day: time / 86_400) { k in
            (k.pointee.mac.authenticate(w.bytes(stsRange)), capture ? k.pointee : nil)
        }

        // Output.
        let outStart = w.count
        var added: [HTTPHeader] = []
        if isQuery {
            w.append(url.isHTTPS ? "https://" : "http://")
            url.withAuthority { w.append($0) }
            if !settings.normalizePath && !settings.doubleEncode {
                w.append(copyOf: pathRange)
            } else {
                try url.withWirePath { try SigV4Canonical.appendReencodedPath($0, to: &w) }
            }
            w.append(UInt8(ascii: "?"))
            w.append(copyOf: urlItems)
            if let query { SigV4Signer.appendQueryTail(query, signature: signature, into: &w) }
        } else {
            w.append("AWS4-HMAC-SHA256 Credential=")
            w.append(cache.accessKeyId.bytes)
            w.append(UInt8(ascii: "/"))
            w.append(copyOf: scopeRange)
            w.append(", SignedHeaders=")
            w.append(copyOf: namesRange)
            w.append(", Signature=")
            w.appendHex(signature)
            added.reserveCapacity(4)
            added.append(HTTPHeader("X-Amz-Date", amz.dateTime))
            if addedContentSHA { added.append(HTTPHeader("x-amz-content-sha256", payloadValue)) }
            if let token { added.append(HTTPHeader("X-Amz-Security-Token", token)) }
        }
        let text = w.string(outStart..<w.count)
        if !isQuery { added.append(HTTPHeader("Authorization", text)) }
        guard capture else { return Output(text: text, headers: added, signature: nil) }

        let result = SigV4Signature(
            mode: isQuery ? .query : .header, amzDate: amz.dateTime, credentialScope: w.string(scopeRange),
            payloadHash: payloadValue, expires: isQuery ? expires : nil, canonicalRequest: w.string(canonicalRange),
            stringToSign: w.string(stsRange), signingKey: Redacted(key!.key.hex), signature: signature.hex,
            signedHeaders: w.string(namesRange), authorization: isQuery ? nil : text, headersToAdd: added,
            url: isQuery ? text : nil, signingKeyMAC: key!.mac)
        return Output(text: text, headers: added, signature: Captured(result))
    }

    /// Header names `.standard` leaves unsigned, compared without allocating.
    private static let unsignedByDefault: [StaticString] = [
        "authorization", "connection", "expect", "keep-alive", "proxy-authenticate", "proxy-authorization",
        "proxy-connection", "te", "trailer", "transfer-encoding", "upgrade", "user-agent", "x-amzn-trace-id",
    ]

    static func isUnsignedByDefault(_ name: UnsafeRawBufferPointer) -> Bool {
        unsignedByDefault.contains { ByteWriting.equalsIgnoringCase(name, $0) }
    }

    /// About how many bytes one signature takes in the scratch buffer.
    @inline(__always) func bufferEstimate(_ url: some RequestTarget, headerBytes: Int, isQuery: Bool) -> Int {
        url.byteCountEstimate * 6 + headerBytes * 2 + (credentials.sessionToken?.utf8.count ?? 0) * (isQuery ? 7 : 2)
            + credentials.accessKeyId.utf8.count * 6 + 900
    }

    /// Writes the canonical request: method, canonical URI (written by `path`), canonical query (the
    /// target's own sorted pairs merged with the X-Amz run), header block, signed header names and
    /// payload hash. The header block and names are earlier in the buffer. Returns the request's
    /// range and the URI's.
    @inline(__always) static func writeCanonicalRequest(
        method: String, own: BufferPairs, amzRun: Range<Int>, headerBlock: Range<Int>, signedHeaders: Range<Int>,
        payload: String, into w: inout ByteBuffer, path: (inout ByteBuffer) throws -> Void
    ) rethrows -> (request: Range<Int>, path: Range<Int>) {
        let start = w.count
        w.append(utf8: method)
        w.append(0x0a)
        let pathStart = w.count
        try path(&w)
        let pathRange = pathStart..<w.count
        w.append(0x0a)
        writeCanonicalQuery(own: own, amzRun: amzRun, into: &w)
        w.append(0x0a)
        w.append(copyOf: headerBlock)
        w.append(0x0a)
        w.append(copyOf: signedHeaders)
        w.append(0x0a)
        w.append(utf8: payload)
        return (start..<w.count, pathRange)
    }

    /// Throws when the URL's own parameters hold one that only the signer writes.
    static func refuseSignerParameters(_ own: BufferPairs, in w: ByteBuffer) throws {
        for i in 0..<own.count {
            if let reserved = SigV4Signer.reservedParameters.first(where: {
                ByteWriting.equalsIgnoringCase(w.bytes(own[i].name), $0)
            }) {
                throw SignetError(
                    "url", "already carries the \(reserved) parameter, which only the signer writes",
                    allowed:
                        "the URL without X-Amz-Signature, X-Amz-Date, X-Amz-Credential and the other X-Amz- signing parameters"
                )
            }
        }
    }

    /// Where a presigned URL's X-Amz parameters stand in the buffer.
    struct QueryRun {
        /// All of them as one `name=value&…` run in canonical order (the session token included
        /// when it is signed).
        var run: Range<Int>
        /// Algorithm, Credential, Date and Expires: how the URL's query starts.
        var prefix: Range<Int>
        /// The SignedHeaders value, encoded.
        var signedHeaders: Range<Int>
        /// The session token, encoded, signed or not.
        var token: Range<Int>?
    }

    /// Writes the X-Amz parameters of a presigned URL once, as one run in canonical order; with no
    /// parameters of the URL's own, that run is the canonical query. `signedHeaders` is the
    /// `;`-joined list, already in the buffer.
    func writeQueryRun(amz: AmzTime, expires: Int64, signedHeaders names: Range<Int>, into w: inout ByteBuffer)
        -> QueryRun
    {
        let token = credentials.sessionToken
        let signToken = token != nil && settings.sessionTokenSigned
        let runStart = w.count
        w.append(cache.queryHead.bytes)  // Algorithm, and Credential up to the date
        w.append(date: amz)
        w.append(cache.queryScopeTail.bytes)
        w.append(dateTime: amz)
        w.append("&X-Amz-Expires=")
        w.append(decimal: expires)
        let prefix = runStart..<w.count
        var tokenRange: Range<Int>?
        if let token, signToken {
            w.append("&X-Amz-Security-Token=")
            let start = w.count
            w.appendPercentEncoded(token)
            tokenRange = start..<w.count
        }
        w.append("&X-Amz-SignedHeaders=")
        // Encoded whole: `;` becomes %3B, and a name's token characters such as `&` or `%` are
        // escaped too, so that the run's only `&` and `=` are its separators.
        let namesStart = w.count
        w.appendPercentEncodedCopy(of: names, keepSlash: false)
        let encodedNames = namesStart..<w.count
        let run = runStart..<w.count
        if let token, !signToken {
            let start = w.count
            w.appendPercentEncoded(token)
            tokenRange = start..<w.count
        }
        return QueryRun(run: run, prefix: prefix, signedHeaders: encodedNames, token: tokenRange)
    }

    /// Writes the string to sign; returns its range and the scope's (date/region/service/aws4_request).
    func writeStringToSign(amz: AmzTime, canonicalHash: Digest, into w: inout ByteBuffer) -> (
        stringToSign: Range<Int>, scope: Range<Int>
    ) {
        let start = w.count
        w.append("AWS4-HMAC-SHA256\n")
        w.append(dateTime: amz)
        w.append(0x0a)
        let scopeStart = w.count
        w.append(date: amz)
        w.append(cache.scopeTail.bytes)
        let scope = scopeStart..<w.count
        w.append(0x0a)
        w.appendHex(canonicalHash)
        return (start..<w.count, scope)
    }

    /// Ends a presigned URL's query: Algorithm, Credential, Date and Expires as in the canonical
    /// query, then SignedHeaders, the session token (signed or not) and the signature.
    static func appendQueryTail(_ query: QueryRun, signature: Digest, into w: inout ByteBuffer) {
        w.append(copyOf: query.prefix)
        w.append("&X-Amz-SignedHeaders=")
        w.append(copyOf: query.signedHeaders)
        if let token = query.token {
            w.append("&X-Amz-Security-Token=")
            w.append(copyOf: token)
        }
        w.append("&X-Amz-Signature=")
        w.appendHex(signature)
    }

    /// Writes the canonical query: the URL's own sorted pairs merged with the X-Amz parameters
    /// (the run `amzRun`, already in canonical order), by (name, value) byte order. Both lists'
    /// bytes are in `w`.
    static func writeCanonicalQuery(own: BufferPairs, amzRun: Range<Int>, into w: inout ByteBuffer) {
        guard own.count > 0 else { return w.append(copyOf: amzRun) }
        BufferPairs.with(capacity: 8) { (amz: inout BufferPairs) in
            // Every value in the run is percent-encoded whole (see `writeQueryRun`), so `=` and `&`
            // in it are separators only.
            var i = amzRun.lowerBound
            while i < amzRun.upperBound {
                let nameStart = i
                while i < amzRun.upperBound, w[i] != UInt8(ascii: "=") { i += 1 }
                let nameEnd = i
                i = min(i + 1, amzRun.upperBound)
                let valueStart = i
                while i < amzRun.upperBound, w[i] != UInt8(ascii: "&") { i += 1 }
                amz.append(name: nameStart..<nameEnd, value: valueStart..<i)
                i += 1
            }
            var a = 0
            var b = 0
            while a < own.count || b < amz.count {
                let takeOwn: Bool
                if a == own.count {
                    takeOwn = false
                } else if b == amz.count {
                    takeOwn = true
                } else {
                    let c = EncodedPairs.compareBytes(w.bytes(own[a].name), w.bytes(amz[b].name))
                    takeOwn =
                        c != 0 ? c < 0 : EncodedPairs.compareBytes(w.bytes(own[a].value), w.bytes(amz[b].value)) <= 0
                }
                if a + b > 0 { w.append(UInt8(ascii: "&")) }
                let pair = takeOwn ? own[a] : amz[b]
                if takeOwn { a += 1 } else { b += 1 }
                w.append(copyOf: pair.name)
                w.append(UInt8(ascii: "="))
                w.append(copyOf: pair.value)
            }
        }
    }
}
