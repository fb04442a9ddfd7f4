import SignetCrypto
import SignetHTTP

extension SigV4Signer {
    /// True when an object's presigned URL can be written in one straight pass: S3's path rules
    /// (no normalising, no second encoding) and the standard signed headers, which for a presigned
    /// URL without caller headers are `host` alone.
    var presignsObjectsDirectly: Bool {
        !settings.normalizePath && !settings.doubleEncode && settings.signedHeaders == .standard
    }

    /// An object's presigned URL in one pass through the scratch buffer: the object's parameters,
    /// the X-Amz run, the canonical request, the string to sign and the URL, each written once in
    /// order. The same bytes as the general engine (the tests compare the two on random objects).
    func directPresignedURL(
        method: String, object: ObjectLocation, expires requested: Int64, payload: SigV4Payload, time: Int64
    ) throws -> String {
        try SigV4Signer.checkTime(time)
        let expires = try checkedExpires(requested, at: time)
        let payloadValue = payload.value(body: nil)
        let estimate = bufferEstimate(object, headerBytes: 0, isQuery: true)

        func write(key: UnsafePointer<SigningKeyCache.DayKey>, amz: AmzTime) throws -> String {
            try ByteBuffer.withScratch(capacity: estimate) { w in
                try BufferPairs.with(capacity: object.queryItemCount) { own in
                    // The object's own parameters, encoded once for both the canonical query and the URL.
                    let urlItems = try SigV4Canonical.writeQueryItems(of: object, into: &w, pairs: &own)
                    try SigV4Signer.refuseSignerParameters(own, in: w)
                    own.sort(in: w)
                    // The Host header alone is signed.
                    let namesStart = w.count
                    w.append("host")
                    let names = namesStart..<w.count
                    w.append(":")
                    object.withAuthority { w.append($0) }
                    w.append(0x0a)
                    let headerBlock = names.lowerBound..<w.count
                    let query = writeQueryRun(amz: amz, expires: expires, signedHeaders: names, into: &w)

                    // The key encoded with `/` kept is already S3's canonical URI.
                    let (canonical, path) = SigV4Signer.writeCanonicalRequest(
                        method: method, own: own, amzRun: query.run, headerBlock: headerBlock, signedHeaders: names,
                        payload: payloadValue, into: &w, path: { object.appendWirePath(to: &$0) })
                    let canonicalHash = Hasher<SHA256>.hash(w.bytes(canonical))

                    let stringToSign = writeStringToSign(amz: amz, canonicalHash: canonicalHash, into: &w).stringToSign
                    let signature = key.pointee.mac.authenticate(w.bytes(stringToSign))

                    let urlStart = w.count
                    w.append(object.isHTTPS ? "https://" : "http://")
                    object.withAuthority { w.append($0) }
                    w.append(copyOf: path)
                    w.append(UInt8(ascii: "?"))
                    w.append(copyOf: urlItems)
                    SigV4Signer.appendQueryTail(query, signature: signature, into: &w)
                    return w.string(urlStart..<w.count)
                }
            }
        }

        // One look at the thread's key slot for the day's digits and the signing key; nothing in
        // the closure signs, so nothing can reuse the slot meanwhile.
        return try cache.withKey(day: time / 86_400) { key in
            try write(key: key, amz: AmzTime(time, date: key.pointee.date))
        }
    }
}
