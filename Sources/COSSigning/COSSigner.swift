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
    private let secretKeyMAC: HMACKey<SHA1>
    private let cache: SignKeyCache

    public init(
        credentials: COSCredentials, options: COSSigningOptions = .init(), clock: any SigningClock = SystemClock()
    ) {
        self.credentials = credentials
        self.options = options
        self.clock = clock
        self.secretKeyMAC = HMACKey<SHA1>(key: credentials.secretKey)
        self.cache = SignKeyCache()
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
        .signature!
    }

    /// A presigned URL, with every intermediate value.
    public func presign(_ request: SigningRequest, keyTime: KeyTime) throws -> COSSignature {
        try run(
            method: request.method, url: request.url, headers: request.headers, keyTime: keyTime, mode: .query,
            capture: true
        )
        .signature!
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

    // MARK: - Engine

    private struct Output {
        var text: String
        var signature: COSSignature?
    }

    /// True when an encoded parameter name is one of the `q-…` fields of a COS signature.
    private static func isSignatureParameter(_ name: UnsafeRawBufferPointer) -> Bool {
        guard name.count >= 4, name[0] == UInt8(ascii: "q"), name[1] == UInt8(ascii: "-") else { return false }
        let text = String(decoding: name, as: UTF8.self)
        return [
            "q-sign-algorithm", "q-ak", "q-sign-time", "q-key-time", "q-header-list", "q-url-param-list", "q-signature",
        ].contains(text)
    }

    /// The whole pipeline in one buffer: HttpString, StringToSign, signature, then the output.
    /// With `capture`, every intermediate value is also returned as text.
    private func run(
        method: String, url: RequestURL, headers: HTTPHeaders, keyTime rawKeyTime: KeyTime, mode: COSSignature.Mode,
        capture: Bool
    ) throws -> Output {
        let keyTime = try checked(rawKeyTime)
        let token = credentials.sessionToken
        let signToken = token != nil && options.signSessionToken

        // Parameters: every URL item, then the token in query mode.
        var params = EncodedPairs(capacity: url.text.utf8.count + (token?.utf8.count ?? 0) * 3 + 32)
        try params.addQuery(of: url, lowercaseNames: true)
        try params.storage.withUnsafeBytes { s in
            for e in params.entries where COSSigner.isSignatureParameter(UnsafeRawBufferPointer(rebasing: s[e.name])) {
                throw SignetError(
                    "url", "already carries \(String(decoding: s[e.name], as: UTF8.self)); it is a signed URL",
                    allowed: "the object URL without an old signature")
            }
        }
        if mode == .query, let token, signToken {
            params.add(name: COSSigningOptions.securityTokenName, value: token, lowercaseName: true)
        }
        if case .exactly(let names) = options.parameters {
            // A listed name may be written decoded (`a/b`) or as signed (`a%2fb`).
            var wanted = Set<String>()
            for name in names {
                let forms = [name.lowercased(), PercentEncoding.encode(name).lowercased()]
                guard (0..<params.count).contains(where: { i in forms.contains { params.nameEquals(i, $0) } }) else {
                    throw SignetError(
                        "signedParams", "\"\(name)\" is not a parameter of the request",
                        allowed: "names present in the URL")
                }
                wanted.formUnion(forms)
            }
            params.filter { wanted.contains(String(decoding: $0, as: UTF8.self)) }
        }
        params.sort()

        // Headers: the token header in header mode, then the selection.
        var tokenHeader: HTTPHeader?
        if mode == .header, let token, !headers.contains(COSSigningOptions.securityTokenName) {
            tokenHeader = HTTPHeader(COSSigningOptions.securityTokenName, token)
        }
        let signed = try selectHeaders(headers, extra: tokenHeader, url: url, excludeToken: token != nil && !signToken)

        // HttpString, then StringToSign right after it, then the output: one buffer, one allocation.
        let tokenBytes = token?.utf8.count ?? 0
        var w = ByteBuffer(
            capacity: 4 * url.text.utf8.count + 2 * (params.storage.count + signed.storage.count) + 3 * tokenBytes
                + 3 * credentials.secretId.utf8.count + 360)
        defer { w.deallocate() }
        let path = try url.withRawPath {
            try COSCanonical.writeHttpString(method: method, rawPath: $0, parameters: params, headers: signed, into: &w)
        }
        let http = 0..<w.count
        let (start, end) = COSCanonical.writeStringToSign(keyTime: keyTime, httpString: w.bytes(http), into: &w)
        let keyTimeText = start.lowerBound..<end.upperBound
        let stringToSign = http.upperBound..<w.count
        let (signKeyDigest, signKeyMAC) = signKey(for: keyTime)
        let signature = signKeyMAC.authenticate(w.bytes(stringToSign))

        // Output: the Authorization string, or the presigned URL.
        let outStart = w.count
        if mode == .header {
            w.append("q-sign-algorithm=sha1&q-ak=")
            w.append(utf8: credentials.secretId)
            w.append("&q-sign-time=")
            w.append(copyOf: keyTimeText)
            w.append("&q-key-time=")
            w.append(copyOf: keyTimeText)
            w.append("&q-header-list=")
            signed.writeNames(into: &w)
            w.append("&q-url-param-list=")
            params.writeNames(into: &w)
            w.append("&q-signature=")
            signature.withUnsafeBytes { w.appendLowercaseHex($0) }
        } else {
            w.append(url.isHTTPS ? "https://" : "http://")
            url.withAuthority { w.append($0) }
            w.appendPercentEncodedCopy(of: path, keepSlash: true)
            w.append("?q-sign-algorithm=sha1&q-ak=")
            w.appendPercentEncoded(credentials.secretId)
            for field in ["&q-sign-time=", "&q-key-time="] as [StaticString] {
                w.append(field)
                w.append(copyOf: start)
                w.append("%3B")
                w.append(copyOf: end)
            }
            w.append("&q-header-list=")
            signed.writeEncodedNames(into: &w)
            w.append("&q-url-param-list=")
            params.writeEncodedNames(into: &w)
            w.append("&q-signature=")
            signature.withUnsafeBytes { w.appendLowercaseHex($0) }
            try url.withBytes { b in
                for item in url.rawQueryItems {
                    w.append(UInt8(ascii: "&"))
                    try w.appendReencoded(UnsafeRawBufferPointer(rebasing: b[item.nameStart..<item.nameEnd]))
                    w.append(UInt8(ascii: "="))
                    if let vs = item.valueStart {
                        try w.appendReencoded(UnsafeRawBufferPointer(rebasing: b[vs..<item.valueEnd]))
                    }
                }
            }
            if let token {
                w.append("&x-cos-security-token=")
                w.appendPercentEncoded(token)
            }
        }
        let text = w.string(outStart..<w.count)
        guard capture else { return Output(text: text, signature: nil) }

        let listsStart = w.count
        signed.writeNames(into: &w)
        let headerList = w.string(listsStart..<w.count)
        let paramsStart = w.count
        params.writeNames(into: &w)
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
            signKey: Redacted(signKeyDigest.hex), signature: signature.hex, headerList: headerList,
            parameterList: paramList, authorization: authorization, headersToAdd: headersToAdd,
            url: mode == .query ? text : nil)
        return Output(text: text, signature: result)
    }

    /// True when the standard selection signs a header (`name` already lower-case).
    private static func isStandardHeader(_ name: String) -> Bool {
        name.hasPrefix("x-cos-") || name.hasPrefix("x-ci-") || COSSigningOptions.standardHeaderNames.contains(name)
    }

    /// The signed header pairs, encoded and sorted. Repeated names are joined with `,` in order.
    private func selectHeaders(_ fields: HTTPHeaders, extra: HTTPHeader?, url: RequestURL, excludeToken: Bool) throws
        -> EncodedPairs
    {
        var chosen: [(name: String, value: String)] = []
        var hasHost = false
        var exact: Set<String>?
        if case .exactly(let names) = options.headers { exact = Set(names.map { $0.lowercased() }) }
        func consider(_ field: HTTPHeader) {
            let name = field.name.lowercased()
            if name == "host" { hasHost = true }
            if excludeToken, name == COSSigningOptions.securityTokenName { return }
            guard exact?.contains(name) ?? COSSigner.isStandardHeader(name) else { return }
            let value = field.value.trimmingSpaces
            if let i = chosen.firstIndex(where: { $0.name == name }) {
                chosen[i].value += "," + value
            } else {
                chosen.append((name, value))
            }
        }
        for field in fields { consider(field) }
        if let extra { consider(extra) }
        var pairs = EncodedPairs(capacity: 96 + 3 * chosen.reduce(0) { $0 + $1.name.utf8.count + $1.value.utf8.count })
        for (name, value) in chosen { pairs.add(name: name, value: value, lowercaseName: true) }
        if !hasHost, exact?.contains("host") ?? true {
            url.withAuthority { a in
                "host".utf8.withContiguousStorageIfAvailable {
                    pairs.add(name: UnsafeRawBufferPointer($0), value: a, lowercaseName: false)
                }
            }
        }
        if let exact {
            for name in exact where !chosen.contains(where: { $0.name == name }) && !(name == "host" && !hasHost) {
                throw SignetError(
                    "signedHeaders", "\"\(name)\" is not a header of the request", allowed: "names of headers present")
            }
        }
        pairs.sort()
        return pairs
    }

    /// The SignKey for a window, from the one-entry cache or derived now.
    private func signKey(for keyTime: KeyTime) -> (Digest, HMACKey<SHA1>) {
        if let hit = cache.lookup(keyTime) { return hit }
        let key = COSCanonical.signKeyDigest(secretKeyMAC: secretKeyMAC, keyTime: keyTime)
        // The signature is keyed with the SignKey's hex text, not its bytes.
        let mac = HMACKey<SHA1>(key: key.hex)
        cache.store(keyTime, key, mac)
        return (key, mac)
    }
}

/// The last derived SignKey, shared by copies of a signer.
final class SignKeyCache: Sendable {
    /// Plain values only (no heap references), so a hit copies bytes and touches no shared
    /// reference count: threads signing at once do not contend beyond the lock.
    private struct Entry {
        var keyTime: KeyTime
        var key: Digest
        var mac: HMACKey<SHA1>
    }
    private let entry = Mutex<Entry?>(nil)

    func lookup(_ keyTime: KeyTime) -> (Digest, HMACKey<SHA1>)? {
        entry.withLock { e in
            guard let e, e.keyTime == keyTime else { return nil }
            return (e.key, e.mac)
        }
    }

    func store(_ keyTime: KeyTime, _ key: Digest, _ mac: HMACKey<SHA1>) {
        entry.withLock { $0 = Entry(keyTime: keyTime, key: key, mac: mac) }
    }
}
