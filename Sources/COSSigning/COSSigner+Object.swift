import SignetCrypto
import SignetHTTP

extension COSSigner {
    /// True when an object's presigned URL can be written in one straight pass: the standard
    /// header selection (for a presigned URL without caller headers, `host` alone) and every
    /// parameter signed.
    var presignsObjectsDirectly: Bool {
        guard case .standard = options.headers, case .all = options.parameters else { return false }
        return true
    }

    /// An object's presigned URL in one pass through the scratch buffer: the parameters, the
    /// HttpString, the StringToSign and the URL, each written once in order. The same bytes as the
    /// general engine (the tests compare the two on random objects).
    func directPresignedURL(method: String, object: ObjectLocation, keyTime rawKeyTime: KeyTime) throws -> String {
        let keyTime = try checked(rawKeyTime)
        let estimate =
            5 * object.byteCountEstimate + 5 * (credentials.sessionToken?.utf8.count ?? 0)
            + 3 * credentials.secretId.utf8.count + 400
        return try ByteBuffer.withScratch(capacity: estimate) { w in
            try BufferPairs.with(capacity: object.queryItemCount + 1) { params in
                let urlItems = try writeParameters(of: object, inURL: true, into: &params, w: &w)
                params.sort(in: w)

                // HttpString: the method lower-cased, the key as it is (the decoded path), the
                // parameters and the Host header.
                let httpStart = w.count
                w.append(utf8: method)
                w.lowercase(httpStart..<w.count)
                w.append(0x0a)
                let pathStart = w.count
                try object.appendDecodedPath(to: &w)
                let path = pathStart..<w.count
                w.append(0x0a)
                w.append(pairs: params)
                w.append("\nhost=")
                object.withAuthority { w.appendPercentEncoded($0) }
                w.append(0x0a)
                let http = httpStart..<w.count

                // StringToSign and signature with one look at the thread's key slot (hashing is not
                // signing, so nothing in the closure can reuse the slot).
                let (start, end, signature) = withSignKey(for: keyTime) { key in
                    let (start, end) = key.pointee.window.withBytes {
                        COSCanonical.writeStringToSign(
                            keyTime: $0, semicolon: key.pointee.window.semicolon, httpString: w.bytes(http), into: &w)
                    }
                    return (start, end, key.pointee.mac.authenticate(w.bytes(http.upperBound..<w.count)))
                }

                let urlStart = w.count
                w.append(object.isHTTPS ? "https://" : "http://")
                object.withAuthority { w.append($0) }
                w.appendPercentEncodedCopy(of: path, keepSlash: true)
                w.append(UInt8(ascii: "?"))
                appendAuthorizationFields(
                    inURL: true, start: start, end: end, headers: nil, parameters: params, signature: signature,
                    into: &w)
                appendParameters(urlItems, into: &w)
                return w.string(urlStart..<w.count)
            }
        }
    }
}
