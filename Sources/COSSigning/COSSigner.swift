import SignetCrypto
import SignetHTTP
import Synchronization

/// Signs COS XML API requests: Authorization headers and presigned URLs.
///
/// A signer is a value you can share between threads. It keeps the SecretKey's HMAC state and
/// the last SignKey it derived, so signing many requests in the same window re-keys nothing.
///
/// ```swift
/// let signer = COSSigner(credentials: try COSCredentials(secretId: id, secretKey: key))
/// let url = try signer.presignedURL(method: "GET", url: objectURL, validFor: 900)
/// ```
public struct COSSigner: Sendable {
    public let credentials: COSCredentials
    public var options: COSSigningOptions
    /// Where "now" comes from for windows computed by the signer.
    public var clock: any SigningClock
    let cache: SignKeyCache

    public init(
        credentials: COSCredentials, options: COSSigningOptions = .init(), clock: any SigningClock = SystemClock()
    ) {
        self.credentials = credentials
        self.options = options
        self.clock = clock
        self.cache = SignKeyCache(
            secretKeyMAC: HMACKey<SHA1>(key: credentials.secretKey), secretId: credentials.secretId)
    }

    // MARK: - Windows

    /// A window starting `backdate` seconds before the clock's now and lasting `duration` seconds
    /// after it, checked against a temporary key's expiration.
    public func keyTime(validFor duration: Int64, backdate: Int64 = 60) throws -> KeyTime {
        try checked(KeyTime.window(now: clock.now(), duration: duration, backdate: backdate))
    }

    /// Applies the temporary-key rule: a signature never outlives its key.
    public func checked(_ keyTime: KeyTime) throws -> KeyTime {
        guard let expiration = credentials.expiration, keyTime.end > expiration else { return keyTime }
        if options.clampToCredentialExpiration {
            guard expiration > keyTime.start else {
                throw SignetError(
                    "keyTime",
                    "the temporary key expired at \(UTCTime.iso8601(expiration)) (\(expiration)), before the window opens at \(UTCTime.iso8601(keyTime.start)) (\(keyTime.start))",
                    allowed: "fresh temporary credentials from STS")
            }
            return try KeyTime(start: keyTime.start, end: expiration)
        }
        throw SignetError(
            "keyTime",
            "the window ends at \(UTCTime.iso8601(keyTime.end)) (\(keyTime.end)), after the temporary key expires at \(UTCTime.iso8601(expiration)) (\(expiration)); a signature cannot outlive its key, so the server would refuse it from then on",
            allowed:
                "a window ending by the key's expiration, or clamping to it (clampToCredentialExpiration / --clamp-to-key)"
        )
    }

    // MARK: - Signing

    /// The Authorization header and the fields to add, with every intermediate value.
    public func sign(_ request: SigningRequest, keyTime: KeyTime) throws -> COSSignature {
        try run(
            method: request.method, url: request.url, headers: request.headers, keyTime: keyTime, mode: .header,
            capture: true
        )
        .signature!.value
    }

    /// A presigned URL, with every intermediate value.
    public func presign(_ request: SigningRequest, keyTime: KeyTime) throws -> COSSignature {
        try run(
            method: request.method, url: request.url, headers: request.headers, keyTime: keyTime, mode: .query,
            capture: true
        )
        .signature!.value
    }

    /// The raw Authorization value only (the fast path).
    public func authorization(_ request: SigningRequest, keyTime: KeyTime) throws -> String {
        try run(
            method: request.method, url: request.url, headers: request.headers, keyTime: keyTime, mode: .header,
            capture: false
        )
        .text
    }

    /// A presigned URL only (the fast path). Headers given here are signed and must then be sent
    /// by whoever uses the URL, with the same values.
    public func presignedURL(
        method: String = "GET", url: RequestURL, headers: HTTPHeaders = HTTPHeaders(), keyTime: KeyTime
    ) throws -> String {
        try SigningRequest.validateMethod(method)
        try headers.validate()
        return try run(method: method, url: url, headers: headers, keyTime: keyTime, mode: .query, capture: false).text
    }

    /// A presigned URL valid for `duration` seconds from the clock's now.
    public func presignedURL(method: String = "GET", url: String, validFor duration: Int64) throws -> String {
        try presignedURL(method: method, url: try RequestURL(url), keyTime: keyTime(validFor: duration))
    }

    /// A presigned URL for an object named by its parts (nothing encoded by hand): the fast path
    /// for handing out downloads and uploads.
    public func presignedURL(method: String = "GET", object: ObjectLocation, keyTime: KeyTime) throws -> String {
        try SigningRequest.validateMethod(method)
        if presignsObjectsDirectly { return try directPresignedURL(method: method, object: object, keyTime: keyTime) }
        return try run(
            method: method, url: object, headers: HTTPHeaders(), keyTime: keyTime, mode: .query, capture: false
        ).text
    }

    /// A presigned URL for an object, valid for `duration` seconds from the clock's now.
    public func presignedURL(method: String = "GET", object: ObjectLocation, validFor duration: Int64) throws
        -> String
    {
        try presignedURL(method: method, object: object, keyTime: keyTime(validFor: duration))
    }

    // MARK: - Engine

    private struct Output {
        var text: String
        /// Boxed, so that the fast path's result stays a few words to move.
        var signature: Captured?
    }

    /// Every intermediate value of one signature.
    private final class Captured: Sendable {
        let value: COSSignature
        init(_ value: COSSignature) { self.value = value }
    }

    /// The `q-…` fields of a COS signature, which a URL to sign must not carry already.
    static let signatureParameters: [StaticString] = [
        "q-sign-algorithm", "q-ak", "q-sign-time", "q-key-time", "q-header-list", "q-url-param-list", "q-signature",
    ]

    /// The whole pipeline in one buffer: parameter and header lists, HttpString, StringToSign,
    /// signature, then the output. With `capture`, every intermediate value is also returned as text.
    private func run(
        method: String, url: some RequestTarget, headers: HTTPHeaders, keyTime rawKeyTime: KeyTime,
        mode: COSSignature.Mode, capture: Bool
    ) throws -> Output {
        let keyTime = try checked(rawKeyTime)
        var headerBytes = 0
        for field in headers { headerBytes += field.name.utf8.count + field.value.utf8.count }
        return try ByteBuffer.withScratch(capacity: bufferEstimate(url, headerBytes: headerBytes)) { w in
            try BufferPairs.with(capacity: url.queryItemCount + 1) { params in
                try BufferPairs.with(capacity: headers.count + 2) { signed in
                    try run(
                        method: method, url: url, headers: headers, keyTime: keyTime, mode: mode, capture: capture,
                        params: &params, signed: &signed, w: &w)
                }
            }
        }
    }

    private func run(
        method: String, url: some RequestTarget, headers: HTTPHeaders, keyTime: KeyTime, mode: COSSignature.Mode,
        capture: Bool, params: inout BufferPairs, signed: inout BufferPairs, w: inout ByteBuffer
    ) throws -> Output {
        let token = credentials.sessionToken
        let signToken = token != nil && options.signSessionToken

        let urlItems = try writeParameters(of: url, inURL: mode == .query, into: &params, w: &w)
        if case .exactly(let names) = options.parameters {
            // A listed name may be written decoded (`a/b`) or as signed (`a%2fb`).
            var wanted = Set<String>()
            let present = Set((0..<params.count).map { w.string(params[$0].name) })
            for name in names {
                let forms = [name.lowercased(), PercentEncoding.encode(name).lowercased()]
                guard forms.contains(where: present.contains) else {
                    throw SignetError(
                        "signedParams", "\"\(name)\" is not a parameter of the request",
                        allowed: "names present in the URL")
                }
                wanted.formUnion(forms)
            }
            params.removeAll { wanted.contains(w.string($0.name)) }
        }
        params.sort(in: w)

        // Headers: the token header in header mode, then the selection.
        var tokenHeader: HTTPHeader?
        if mode == .header, let token, !headers.contains(COSSigningOptions.securityTokenName) {
            tokenHeader = HTTPHeader(COSSigningOptions.securityTokenName, token)
        }
        try selectHeaders(
            headers, extra: tokenHeader, url: url, excludeToken: token != nil && !signToken, into: &signed, w: &w)

        // HttpString, then StringToSign right after it, then the output.
        let httpStart = w.count
        let path = try COSCanonical.writeHttpString(method: method, parameters: params, headers: signed, into: &w) {
            try url.appendDecodedPath(to: &$0)
        }
        let http = httpStart..<w.count
        let signing = sign(keyTime: keyTime, httpString: http, into: &w)
        let stringToSign = http.upperBound..<w.count
        let signature = signing.signature

        // Output: the Authorization fields, bare (header mode) or URL-encoded in the presigned URL.
        let outStart = w.count
        let inURL = mode == .query
        if inURL { COSSigner.appendURLStart(of: url, decodedPath: path, into: &w) }
        appendAuthorizationFields(inURL: inURL, signed: signing, headers: signed, parameters: params, into: &w)
        if inURL { appendParameters(urlItems, into: &w) }
        let text = w.string(outStart..<w.count)
        guard capture else { return Output(text: text, signature: nil) }

        let listsStart = w.count
        w.append(namesOf: signed)
        let headerList = w.string(listsStart..<w.count)
        let paramsStart = w.count
        w.append(namesOf: params)
        let paramList = w.string(paramsStart..<w.count)
        var headersToAdd: [HTTPHeader] = []
        let authorization: String
        if mode == .header {
            authorization = text
            headersToAdd.append(HTTPHeader("Authorization", text))
            if let tokenHeader { headersToAdd.append(tokenHeader) }
        } else {
            authorization = COSCanonical.authorization(
                secretId: credentials.secretId, keyTime: keyTime, headerList: headerList, parameterList: paramList,
                signature: signature.hex)
        }
        let result = COSSignature(
            mode: mode, keyTime: keyTime, httpString: w.string(http), stringToSign: w.string(stringToSign),
            signKey: Redacted(signing.signKey.hex), signature: signature.hex, headerList: headerList,
            parameterList: paramList, authorization: authorization, headersToAdd: headersToAdd,
            url: mode == .query ? text : nil)
        return Output(text: text, signature: Captured(result))
    }

    /// Writes every parameter of `url` encoded once, in URL order as a presigned URL carries them
    /// (`&name=value…`; returns that run), and lists them in `params` for signing: names lower-cased
    /// (a copy only when a name has capitals), the session token added when a presigned URL signs
    /// it. Refuses a URL that carries a signature already.
    func writeParameters(
        of url: some RequestTarget, inURL: Bool, into params: inout BufferPairs, w: inout ByteBuffer
    ) throws -> Range<Int> {
        let urlItemsStart = w.count
        try url.forEachQueryItem { name, value in
            w.append(UInt8(ascii: "&"))
            let nameStart = w.count
            try w.appendEncoded(name, of: url, field: "url query")
            let nameEnd = w.count
            w.append(UInt8(ascii: "="))
            let valueStart = w.count
            if let value { try w.appendEncoded(value, of: url, field: "url query") }
            params.append(name: nameStart..<nameEnd, value: valueStart..<w.count)
        }
        let urlItems = urlItemsStart..<w.count
        for i in 0..<params.count {
            var name = params[i].name
            if w.containsUppercase(name) {
                let copy = w.count
                w.append(copyOf: name)
                name = copy..<w.count
                w.lowercase(name)
                params.setName(i, name)
            }
            if name.count >= 4, w[name.lowerBound] == UInt8(ascii: "q"), w[name.lowerBound + 1] == UInt8(ascii: "-"),
                COSSigner.signatureParameters.contains(where: { w.equals(name, $0) })
            {
                throw SignetError(
                    "url", "already carries \(w.string(name)); it is a signed URL",
                    allowed: "the object URL without an old signature")
            }
        }
        if inURL, let token = credentials.sessionToken, options.signSessionToken {
            let nameStart = w.count
            w.append(utf8: COSSigningOptions.securityTokenName)
            let nameEnd = w.count
            w.appendPercentEncoded(token)
            params.append(name: nameStart..<nameEnd, value: nameEnd..<w.count)
        }
        return urlItems
    }

    /// What signing an HttpString gives: where the window's start and end digits stand in the
    /// buffer (in the StringToSign), the signature and the SignKey it was made with.
    struct Signed {
        var start: Range<Int>
        var end: Range<Int>
        var signature: Digest
        var signKey: Digest
    }

    /// Writes the StringToSign of the HttpString at `httpString` right after it and signs it, with
    /// one look at the thread's key slot (hashing is not signing, so nothing here reuses the slot).
    @inline(__always) func sign(keyTime: KeyTime, httpString: Range<Int>, into w: inout ByteBuffer) -> Signed {
        withSignKey(for: keyTime) { key in
            let (start, end) = COSCanonical.writeStringToSign(
                window: key.pointee.window, httpString: w.bytes(httpString), into: &w)
            let signature = key.pointee.mac.authenticate(w.bytes(httpString.upperBound..<w.count))
            return Signed(start: start, end: end, signature: signature, signKey: key.pointee.key)
        }
    }

    /// Appends the Authorization fields: bare (header mode) or URL-encoded (`inURL`). The window's
    /// digits are copied from the StringToSign; `headers` nil means the Host header alone.
    func appendAuthorizationFields(
        inURL: Bool, signed: Signed, headers: BufferPairs?, parameters: BufferPairs, into w: inout ByteBuffer
    ) {
        w.append("q-sign-algorithm=sha1&q-ak=")
        w.append(inURL ? cache.secretIdEncoded.bytes : cache.secretId.bytes)
        for field in ["&q-sign-time=", "&q-key-time="] as [StaticString] {
            w.append(field)
            w.append(copyOf: signed.start)
            if inURL { w.append("%3B") } else { w.append(UInt8(ascii: ";")) }
            w.append(copyOf: signed.end)
        }
        w.append("&q-header-list=")
        if let headers {
            if inURL { w.append(encodedNamesOf: headers) } else { w.append(namesOf: headers) }
        } else {
            w.append("host")
        }
        w.append("&q-url-param-list=")
        if inURL { w.append(encodedNamesOf: parameters) } else { w.append(namesOf: parameters) }
        w.append("&q-signature=")
        signed.signature.withUnsafeBytes { w.appendLowercaseHex($0) }
    }

    /// About how many bytes one signature takes in the scratch buffer.
    @inline(__always) func bufferEstimate(_ url: some RequestTarget, headerBytes: Int) -> Int {
        5 * url.byteCountEstimate + 4 * headerBytes + 5 * (credentials.sessionToken?.utf8.count ?? 0)
            + 3 * credentials.secretId.utf8.count + 400
    }

    /// Starts a presigned URL: scheme, authority, the path encoded again from its decoded bytes
    /// (already in the buffer, in the HttpString) and `?`.
    @inline(__always) static func appendURLStart(
        of url: some RequestTarget, decodedPath path: Range<Int>, into w: inout ByteBuffer
    ) {
        w.append(url.isHTTPS ? "https://" : "http://")
        url.withAuthority { w.append($0) }
        w.appendPercentEncodedCopy(of: path, keepSlash: true)
        w.append(UInt8(ascii: "?"))
    }

    /// Ends a presigned URL: the request's own parameters as written by `writeParameters`, then the
    /// session token.
    func appendParameters(_ urlItems: Range<Int>, into w: inout ByteBuffer) {
        w.append(copyOf: urlItems)
        if let token = credentials.sessionToken {
            w.append("&x-cos-security-token=")
            w.appendPercentEncoded(token)
        }
    }

    /// True when the standard selection signs a header (`name`: its encoded, lower-cased bytes).
    private static func isStandardHeader(_ name: Range<Int>, in w: ByteBuffer) -> Bool {
        func hasPrefix(_ p: StaticString) -> Bool {
            name.count > p.utf8CodeUnitCount && w.equals(name.lowerBound..<name.lowerBound + p.utf8CodeUnitCount, p)
        }
        return hasPrefix("x-cos-") || hasPrefix("x-ci-")
            || COSSigningOptions.standardHeaderNames.contains(w.string(name))
    }

    /// Writes the signed header pairs (encoded, lower-cased names) into `w` and lists them in
    /// `pairs`, sorted. Repeated names are joined with `,` in arrival order.
    private func selectHeaders(
        _ fields: HTTPHeaders, extra: HTTPHeader?, url: some RequestTarget, excludeToken: Bool,
        into pairs: inout BufferPairs,
        w: inout ByteBuffer
    ) throws {
        if fields.count == 0, extra == nil, case .standard = options.headers {
            // Only the Host header: the common presigned URL.
            return COSSigner.appendHost(of: url, to: &pairs, w: &w)
        }
        var hasHost = false
        // `.exactly`: the names as they are compared (encoded, lower-case), each with its spelling.
        var exact: [String: String]?
        if case .exactly(let names) = options.headers {
            var spellings: [String: String] = [:]
            for name in names { spellings[PercentEncoding.encode(name).lowercased()] = name }
            exact = spellings
        }
        func consider(_ field: HTTPHeader) {
            let nameStart = w.count
            w.appendPercentEncoded(field.name)
            w.lowercase(nameStart..<w.count)
            let name = nameStart..<w.count
            if w.equals(name, "host") { hasHost = true }
            let skip =
                (excludeToken && w.equals(name, "x-cos-security-token"))
                || !(exact.map { $0[w.string(name)] != nil } ?? COSSigner.isStandardHeader(name, in: w))
            if skip {
                w.truncate(to: nameStart)
                return
            }
            var value = field.value
            value.withUTF8 { v in
                var lo = 0
                var hi = v.count
                while lo < hi, COSSigner.isTrimmed(v[lo]) { lo += 1 }
                while hi > lo, COSSigner.isTrimmed(v[hi - 1]) { hi -= 1 }
                w.appendPercentEncoded(UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: v[lo..<hi])))
            }
            pairs.append(name: name, value: name.upperBound..<w.count)
        }
        for field in fields { consider(field) }
        if let extra { consider(extra) }
        if pairs.count > 1 {
            pairs.sort(in: w, byValue: false)
            pairs.joinRepeatedNames(in: &w, separator: "%2C")
        }
        if let exact {
            for (name, spelling) in exact
            where !(0..<pairs.count).contains(where: { w.string(pairs[$0].name) == name })
                && !(name == "host" && !hasHost)
            {
                throw SignetError(
                    "signedHeaders", "\"\(spelling)\" is not a header of the request",
                    allowed: "names of headers present")
            }
        }
        if !hasHost, exact.map({ $0["host"] != nil }) ?? true {
            COSSigner.appendHost(of: url, to: &pairs, w: &w)
            pairs.sort(in: w)
        }
    }

    /// Writes the Host header's pair (`host`, the encoded authority) and lists it.
    private static func appendHost(of url: some RequestTarget, to pairs: inout BufferPairs, w: inout ByteBuffer) {
        let nameStart = w.count
        w.append("host")
        let nameEnd = w.count
        url.withAuthority { w.appendPercentEncoded($0) }
        pairs.append(name: nameStart..<nameEnd, value: nameEnd..<w.count)
    }

    @inline(__always) private static func isTrimmed(_ c: UInt8) -> Bool {
        c == 0x20 || c == 0x09 || c == 0x0a || c == 0x0d
    }

    /// Calls `body` with the SignKey for a window: this thread's copy, else the shared one, else
    /// derived now and shared. `body` must not sign.
    @inline(__always) func withSignKey<R>(
        for keyTime: KeyTime, _ body: (UnsafePointer<SignKeyCache.Key>) throws -> R
    ) rethrows -> R {
        try ThreadKeySlot.withValue(
            owner: cache.owner, tag: (keyTime.start, keyTime.end), load: { cache.shared(keyTime) }, body)
    }
}

/// The SecretKey's HMAC state and the last derived SignKey, shared by copies of a signer (one
/// reference, so the signer stays a few words to copy).
///
/// The SignKey is kept twice: once under a lock, shared by all threads, and once in each thread's
/// `ThreadKeySlot`, where signing reads it without a lock and without copying it out.
final class SignKeyCache: Sendable {
    let secretKeyMAC: HMACKey<SHA1>
    /// The SecretId, as is and percent-encoded.
    let secretId: FixedBytes
    let secretIdEncoded: FixedBytes
    /// This cache's label in the thread slots.
    let owner = ThreadKeySlot.newOwner()

    init(secretKeyMAC: HMACKey<SHA1>, secretId: String) {
        self.secretKeyMAC = secretKeyMAC
        self.secretId = FixedBytes(secretId)
        self.secretIdEncoded = FixedBytes(secretId, encoded: true)
    }

    deinit {
        secretId.deallocate()
        secretIdEncoded.deallocate()
    }

    /// A SignKey, the HMAC state keyed with its hex text, and the window as text: plain bytes.
    struct Key {
        var key: Digest
        var mac: HMACKey<SHA1>
        var window: KeyTime.Text
    }

    private let entry = Mutex<(KeyTime, Key)?>(nil)

    /// The shared SignKey for a window, derived and stored when the entry holds another window.
    func shared(_ keyTime: KeyTime) -> Key {
        if let hit = entry.withLock({ e in e.flatMap { $0.0 == keyTime ? $0.1 : nil } }) { return hit }
        let digest = COSCanonical.signKeyDigest(secretKeyMAC: secretKeyMAC, keyTime: keyTime)
        // The signature is keyed with the SignKey's hex text, not its bytes.
        let key = Key(key: digest, mac: HMACKey<SHA1>(key: digest.hex), window: KeyTime.Text(keyTime))
        entry.withLock { $0 = (keyTime, key) }
        return key
    }
}
