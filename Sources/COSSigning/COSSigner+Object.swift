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
        return try ByteBuffer.withScratch(capacity: bufferEstimate(object, headerBytes: 0)) { w in
            try BufferPairs.with(capacity: object.queryItemCount + 1) { params in
                let urlItems = try writeParameters(of: object, inURL: true, into: &params, w: &w)
                params.sort(in: w)

                // HttpString, with the Host header as the only header.
                let httpStart = w.count
                let path = try COSCanonical.writeHttpString(
                    method: method, parameters: params, into: &w, path: { try object.appendDecodedPath(to: &$0) },
                    headers: { w in
                        w.append("host=")
                        object.withAuthority { w.appendPercentEncoded($0) }
                    })
                let signing = sign(keyTime: keyTime, httpString: httpStart..<w.count, into: &w)

                let urlStart = w.count
                COSSigner.appendURLStart(of: object, decodedPath: path, into: &w)
                appendAuthorizationFields(
                    inURL: true, signed: signing, headers: nil, parameters: params, into: &w)
                appendParameters(urlItems, into: &w)
                return w.string(urlStart..<w.count)
            }
        }
    }
}
