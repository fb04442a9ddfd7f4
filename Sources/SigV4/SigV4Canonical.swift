import SignetCrypto
import SignetHTTP

/// The stages of AWS Signature Version 4, each a pure function that can be tested alone:
/// canonical request → string to sign → signing key → signature → Authorization.
///
/// `SigV4Signer` runs the same byte-level writers on one buffer; these string forms exist for
/// tests, explanations and callers that assemble a request themselves.
public enum SigV4Canonical {
    /// The algorithm name of the string to sign and the Authorization header.
    public static let algorithm = "AWS4-HMAC-SHA256"

    // MARK: - Stage 1: canonical request

    /// `METHOD\nURI\nQUERY\nHEADERS\n\nSIGNED\nPAYLOAD`, where `canonicalHeaders` is the block of
    /// `name:value\n` lines (each ending in `\n`).
    public static func canonicalRequest(
        method: String, canonicalURI: String, canonicalQuery: String, canonicalHeaders: String, signedHeaders: String,
        payloadHash: String
    ) -> String {
        "\(method)\n\(canonicalURI)\n\(canonicalQuery)\n\(canonicalHeaders)\n\(signedHeaders)\n\(payloadHash)"
    }

    /// The canonical query of a wire URL: every item decoded, encoded again (RFC 3986, space as
    /// `%20`, `+` as `%2B`), sorted by (name, value); an item without `=` gets an empty value.
    /// - Throws: `SignetError` for a malformed percent-escape.
    public static func canonicalQuery(_ url: RequestURL) throws -> String {
        try ByteBuffer.withScratch(capacity: url.byteCountEstimate * 3 + 16) { w in
            try BufferPairs.with(capacity: url.queryItemCount) { pairs in
                _ = try writeQueryItems(of: url, into: &w, pairs: &pairs)
                pairs.sort(in: w)
                let start = w.count
                w.append(pairs: pairs)
                return w.string(start..<w.count)
            }
        }
    }

    /// Writes a target's query items encoded canonically, in their order and as a URL carries them
    /// (`name[=value]&…`), and lists each in `pairs` (an item without `=` has an empty value).
    /// Returns the range of the written run. The signer sorts `pairs` for the canonical query and
    /// copies the run into a presigned URL.
    /// - Throws: `SignetError` for a malformed percent-escape.
    static func writeQueryItems(
        of target: some RequestTarget, into w: inout ByteBuffer, pairs: inout BufferPairs
    ) throws -> Range<Int> {
        let start = w.count
        try target.forEachQueryItem { name, value in
            let nameStart = w.count
            try w.appendEncoded(name, of: target, field: "url query")
            let nameEnd = w.count
            var valueStart = w.count
            if let value {
                w.append(UInt8(ascii: "="))
                valueStart = w.count
                try w.appendEncoded(value, of: target, field: "url query")
            }
            pairs.append(name: nameStart..<nameEnd, value: valueStart..<w.count)
            w.append(UInt8(ascii: "&"))
        }
        return start..<w.count
    }

    /// The canonical header block (`name:value\n` lines) and the `SignedHeaders` list of the given
    /// fields: names lower-cased and sorted, values trimmed with inner whitespace runs collapsed,
    /// repeated names joined with `,` in the order given.
    public static func canonicalHeaders(_ fields: [(name: String, value: String)]) -> (
        canonicalHeaders: String, signedHeaders: String
    ) {
        var list = CanonicalHeaderList(capacity: 256)
        for f in fields { list.add(name: f.name, value: f.value) }
        list.sort()
        var out = ByteBuffer(capacity: 512)
        defer { out.deallocate() }
        list.writeCanonical(into: &out)
        let block = 0..<out.count
        list.writeSignedNames(into: &out)
        return (out.string(block), out.string(block.upperBound..<out.count))
    }

    // MARK: - Stage 2: string to sign

    /// `yyyyMMdd/region/service/aws4_request`.
    public static func credentialScope(date: String, region: String, service: String) -> String {
        "\(date)/\(region)/\(service)/aws4_request"
    }

    /// `AWS4-HMAC-SHA256\n<amzDate>\n<scope>\n<hex sha256(canonicalRequest)>`.
    public static func stringToSign(amzDate: String, scope: String, canonicalRequest: String) -> String {
        "\(algorithm)\n\(amzDate)\n\(scope)\n\(Hasher<SHA256>.hash(canonicalRequest).hex)"
    }

    // MARK: - Stage 3: signing key

    /// `HMAC(HMAC(HMAC(HMAC("AWS4"+secret, date), region), service), "aws4_request")`.
    public static func signingKey(secret: String, date: String, region: String, service: String) -> Digest {
        signingKey(secretMAC: secretMAC(secret), date: date, region: region, service: service)
    }

    /// The HMAC state keyed with `"AWS4" + secret`, the root of every signing key.
    static func secretMAC(_ secret: String) -> HMACKey<SHA256> {
        var key = Array("AWS4".utf8)
        key.append(contentsOf: secret.utf8)
        defer {
            for i in key.indices { key[i] = 0 }
        }
        return key.withUnsafeBytes { HMACKey<SHA256>(key: $0) }
    }

    /// The signing key from a pre-keyed `"AWS4" + secret` state.
    static func signingKey(secretMAC: HMACKey<SHA256>, date: String, region: String, service: String) -> Digest {
        let kDate = secretMAC.authenticate(date)
        let kRegion = HMACKey<SHA256>(key: kDate).authenticate(region)
        let kService = HMACKey<SHA256>(key: kRegion).authenticate(service)
        return HMACKey<SHA256>(key: kService).authenticate("aws4_request")
    }

    // MARK: - Stage 4: signature

    /// Lowercase hex `HMAC(signingKey, stringToSign)`.
    public static func signature(signingKey: Digest, stringToSign: String) -> String {
        HMACKey<SHA256>(key: signingKey).authenticate(stringToSign).hex
    }

    // MARK: - Stage 5: Authorization

    /// `AWS4-HMAC-SHA256 Credential=<id>/<scope>, SignedHeaders=<list>, Signature=<hex>`.
    public static func authorization(accessKeyId: String, scope: String, signedHeaders: String, signature: String)
        -> String
    {
        "AWS4-HMAC-SHA256 Credential=\(accessKeyId)/\(scope), SignedHeaders=\(signedHeaders), Signature=\(signature)"
    }

    // MARK: - aws-chunked

    /// The string to sign of one aws-chunked chunk: `AWS4-HMAC-SHA256-PAYLOAD\n<amzDate>\n<scope>\n
    /// <previous signature>\n<sha256("")>\n<hex sha256(chunk)>`.
    public static func chunkStringToSign(amzDate: String, scope: String, previousSignature: String, chunkSHA256: String)
        -> String
    {
        "AWS4-HMAC-SHA256-PAYLOAD\n\(amzDate)\n\(scope)\n\(previousSignature)\n\(SigV4Payload.emptySHA256)\n\(chunkSHA256)"
    }

    /// The canonical trailer block: `name:value\n` per trailing header, names lower-cased, values
    /// trimmed, in the order given (LF, not CRLF).
    public static func canonicalTrailers(_ trailers: [(name: String, value: String)]) -> String {
        trailers.map { "\($0.name.lowercased()):\($0.value.trimmingSpaces)\n" }.joined()
    }

    /// `AWS4-HMAC-SHA256-TRAILER\n<amzDate>\n<scope>\n<final chunk signature>\n<hex sha256(canonicalTrailers)>`.
    public static func trailerStringToSign(
        amzDate: String, scope: String, previousSignature: String, canonicalTrailers: String
    ) -> String {
        "AWS4-HMAC-SHA256-TRAILER\n\(amzDate)\n\(scope)\n\(previousSignature)\n\(Hasher<SHA256>.hash(canonicalTrailers).hex)"
    }
}
