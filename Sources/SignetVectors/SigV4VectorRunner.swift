import SigV4
import SignetCrypto
import SignetHTTP

/// Runs `scheme: "sigv4"` vectors against the SigV4 signer: header and query mode, aws-chunked
/// (seed, chunks, final chunk, trailer, encoded length) and POST policies.
enum SigV4VectorRunner {
    static func run(_ v: JSONField, id: String, file: String) throws -> VectorResult {
        let vector = try SigningVector(v)
        let sign = vector.sign
        let isPostPolicy = try v.optional("kind")?.string() == "post-policy"
        let mode = isPostPolicy ? "post-policy" : try sign.required("mode").string()
        guard isPostPolicy || mode == "header" || mode == "query" else {
            throw VectorFileError(file: file, path: "\(sign.path).mode", problem: "\"\(mode)\" is not header or query")
        }
        let timeText = try sign.required("time").string()
        guard let time = UTCTime.parseAmzDateTime(timeText) else {
            throw VectorFileError(
                file: file, path: "\(sign.path).time", problem: "\"\(timeText)\" is not yyyyMMdd'T'HHmmss'Z'")
        }
        let chunked = sign.optional("chunked")
        var chunkSize = 65_536
        var trailer: AWSChunkedUpload.Trailer?
        if let chunked {
            if let size = chunked.optional("chunkSize") { chunkSize = Int(try size.int()) }
            if let names = chunked.optional("trailer") {
                let list = try names.strings()
                guard list.count <= 1, let name = list.first ?? Optional("x-amz-checksum-crc32c"),
                    let t = AWSChunkedUpload.Trailer(rawValue: name.lowercased())
                else {
                    throw VectorFileError(
                        file: file, path: "\(names.path)", problem: "only [\"x-amz-checksum-crc32c\"] is supported")
                }
                trailer = list.isEmpty ? nil : t
            }
        }

        // Everything that may legitimately fail goes inside one do-block, for expectError cases.
        var signature: SigV4Signature?
        var policy: SigV4PostPolicy?
        var body: [UInt8] = []
        var upload: AWSChunkedUpload?
        let verdict = try VectorRunner.attempt(expectError: vector.expectError, file: file, id: id) {
            let key = try vector.keyPair()
            let credentials = try SigV4Credentials(
                accessKeyId: key.id, secretAccessKey: key.secret, sessionToken: key.token, expiration: key.expiration)
            var signedHeaders = SigV4Settings.SignedHeaders.standard
            if let h = sign.optional("signedHeaders") { signedHeaders = .exactly(try h.strings()) }
            let settings = try SigV4Settings(
                region: try sign.required("region").string(), service: try sign.required("service").string(),
                normalizePath: try sign.optional("normalizePath")?.bool(),
                doubleEncode: try sign.optional("doubleEncode")?.bool(),
                contentSha256Header: try sign.optional("contentSha256Header")?.bool(),
                sessionTokenSigned: try sign.optional("sessionTokenSigned")?.bool() ?? true,
                signedHeaders: signedHeaders,
                clampToCredentialExpiration: try sign.optional("clampToKeyExpiration")?.bool() ?? false)
            if isPostPolicy {
                policy = try SigV4PostPolicy(
                    policy: try v.required("policy").string(), credentials: credentials, settings: settings, time: time)
            } else {
                let r = try VectorRunner.request(try v.required("request"))
                body = r.body ?? []
                var headers = r.headers
                var payload = SigV4Payload.bodySHA256
                if let p = sign.optional("payload") { payload = try SigV4Payload(parsing: try p.string()) }
                if chunked != nil {
                    let layout = try AWSChunkedUpload(
                        decodedLength: Int64(body.count), chunkSize: chunkSize, trailer: trailer)
                    headers = try layout.prepare(headers)
                    if sign.optional("payload") == nil { payload = layout.payload }
                    upload = layout
                }
                let request = try SigningRequest(method: r.method, url: r.url, headers: headers, body: r.body)
                let signer = SigV4Signer(credentials: credentials, settings: settings)
                if mode == "header" {
                    signature = try signer.sign(request, payload: payload, at: time)
                } else {
                    let expires = try sign.required("expires").int()
                    signature = try signer.presign(request, expires: expires, payload: payload, at: time)
                }
            }
        }
        if let verdict { return verdict }

        var c = StageComparison(file: file, id: id)
        if let p = policy {
            // The vector gives policyBase64 beside the policy, not under `expect`.
            if let f = c.check(
                "policyBase64", expected: try v.optional("policyBase64")?.string(), actual: p.policyBase64)
            {
                return f
            }
            let stages: KeyValuePairs<String, String?> = ["stringToSign": p.stringToSign, "signature": p.signature]
            return try c.check(stages, expected: vector.want) ?? c.pass()
        }
        guard let s = signature else { return c.pass() }
        let stages: KeyValuePairs<String, String?> = [
            "canonicalRequest": s.canonicalRequest, "stringToSign": s.stringToSign, "signature": s.signature,
            "authorization": s.authorization, "url": s.url,
        ]
        if let f = try c.check(stages, expected: vector.want) { return f }
        if let upload, let f = try checkChunks(&c, expect: vector.expect, seed: s, upload: upload, body: body) {
            return f
        }
        return c.pass()
    }

    /// Compares the chunk stages: per-chunk strings to sign and signatures, the trailer, and the
    /// length of the body the encoder actually frames.
    private static func checkChunks(
        _ c: inout StageComparison, expect: [String: JSONField], seed: SigV4Signature, upload: AWSChunkedUpload,
        body: [UInt8]
    ) throws -> VectorResult? {
        var chunkSigner: SigV4ChunkSigner
        var encoder: AWSChunkedEncoder
        do {
            chunkSigner = try SigV4ChunkSigner(seed: seed)
            encoder = try AWSChunkedEncoder(upload: upload, seed: seed)
        } catch {
            return c.check("chunkSignatures", expected: "chunk signatures", actual: String(describing: error))
        }
        // Stage values from the chunk signer, one chunk at a time, then the final empty chunk.
        var stringsToSign: [String] = []
        var signatures: [String] = []
        var offset = 0
        repeat {
            let end = min(offset + upload.chunkSize, body.count)
            let chunk = body[offset..<end]
            stringsToSign.append(
                chunkSigner.stringToSign(chunkSHA256: Hasher<SHA256>.hash(chunk).hex))
            signatures.append((try? chunkSigner.sign(chunk: chunk)) ?? "(refused)")
            offset = end
            if chunk.isEmpty { break }
        } while true
        if let list = expect["chunkStringsToSign"] {
            let wanted = try list.strings()
            for (i, w) in wanted.enumerated() {
                if let f = c.check(
                    "chunkStringsToSign[\(i)]", expected: w, actual: i < stringsToSign.count ? stringsToSign[i] : nil)
                {
                    return f
                }
            }
        }
        if let list = expect["chunkSignatures"] {
            let wanted = try list.strings()
            if let f = c.check(
                "chunkSignatures.count", expected: String(wanted.count), actual: String(signatures.count))
            {
                return f
            }
            for (i, w) in wanted.enumerated() {
                if let f = c.check("chunkSignatures[\(i)]", expected: w, actual: signatures[i]) { return f }
            }
        }
        // The encoder frames the same data; its trailer and length are what goes on the wire.
        var framed = [UInt8]()
        var position = 0
        do {
            try encoder.encode(
                read: { buffer in
                    let n = min(buffer.count, body.count - position)
                    if n > 0 {
                        body.withUnsafeBytes {
                            buffer.copyMemory(from: UnsafeRawBufferPointer(rebasing: $0[position..<(position + n)]))
                        }
                    }
                    position += n
                    return n
                },
                write: { framed.append(contentsOf: $0) })
        } catch {
            return c.check("contentLength", expected: "an encoded body", actual: String(describing: error))
        }
        let text = String(decoding: framed, as: UTF8.self)
        for (i, sig) in signatures.enumerated() where !text.contains(";chunk-signature=\(sig)\r\n") {
            return c.check(
                "encodedBody", expected: "chunk \(i) framed with signature \(sig)",
                actual: "not found in the framed body")
        }
        if let list = expect["trailers"] {
            let wanted = try list.array().map { try $0.strings().joined(separator: ":") }.joined(separator: "\n")
            let actual = encoder.trailerValue.map { "\($0.name):\($0.value)" }
            if let f = c.check("trailers", expected: wanted, actual: actual) { return f }
        }
        if let w = try expect["trailerStringToSign"]?.string() {
            let trailers = encoder.trailerValue.map { [$0] } ?? []
            if let f = c.check("trailerStringToSign", expected: w, actual: chunkSigner.trailerStringToSign(trailers)) {
                return f
            }
        }
        if let w = try expect["trailerSignature"]?.string() {
            let trailers = encoder.trailerValue.map { [$0] } ?? []
            let actual = try? chunkSigner.signTrailer(trailers)
            if let f = c.check("trailerSignature", expected: w, actual: actual) { return f }
            if !text.contains("x-amz-trailer-signature:\(w)\r\n") {
                return c.check(
                    "encodedBody", expected: "the trailer signature framed", actual: "not found in the framed body")
            }
        }
        if let w = expect["contentLength"] {
            let wanted = String(try w.int())
            if let f = c.check("contentLength", expected: wanted, actual: String(upload.encodedLength)) { return f }
            if let f = c.check("contentLength(framed)", expected: wanted, actual: String(framed.count)) { return f }
        }
        return nil
    }
}
