import COSSigning
import SignetHTTP

/// Runs `scheme: "cos"` vectors against the COS signer.
enum COSVectorRunner {
    static func run(_ v: JSONField, id: String, file: String) throws -> VectorResult {
        let vector = try SigningVector(v)
        let sign = vector.sign

        // Build everything that may legitimately fail inside one do-block, for expectError cases.
        var result: (COSSignature?, COSPostPolicy?)
        let verdict = try VectorRunner.attempt(expectError: vector.expectError, file: file, id: id) {
            let key = try vector.keyPair()
            let creds = try COSCredentials(
                secretId: key.id, secretKey: key.secret, sessionToken: key.token, expiration: key.expiration)
            let keyTime = try KeyTime(parsing: try sign.required("keyTime").string())
            if try v.optional("kind")?.string() == "post-policy" {
                let policy = try v.required("policy").string()
                result = (nil, try COSPostPolicy(policy: policy, credentials: creds, keyTime: keyTime))
            } else {
                var options = COSSigningOptions()
                if let h = sign.optional("signedHeaders") { options.headers = .exactly(try h.strings()) }
                if let p = sign.optional("signedParams") { options.parameters = .exactly(try p.strings()) }
                if let clamp = sign.optional("clampToKeyExpiration") {
                    options.clampToCredentialExpiration = try clamp.bool()
                }
                let mode = try sign.required("mode").string()
                guard mode == "header" || mode == "query" else {
                    throw VectorFileError(
                        file: file, path: "\(sign.path).mode", problem: "\"\(mode)\" is not header or query")
                }
                let r = try VectorRunner.request(try v.required("request"))
                let request = try SigningRequest(method: r.method, url: r.url, headers: r.headers, body: r.body)
                let signer = COSSigner(credentials: creds, options: options)
                result = (
                    mode == "header"
                        ? try signer.sign(request, keyTime: keyTime) : try signer.presign(request, keyTime: keyTime),
                    nil
                )
            }
        }
        if let verdict { return verdict }

        var c = StageComparison(file: file, id: id)
        let stages: KeyValuePairs<String, String?>
        if let s = result.0 {
            stages = [
                "httpString": s.httpString, "stringToSign": s.stringToSign, "signKey": s.signKey.reveal(),
                "signature": s.signature, "authorization": s.authorization, "url": s.url,
            ]
        } else if let p = result.1 {
            stages = [
                "policyBase64": p.policyBase64, "signKey": p.signKey.reveal(), "stringToSign": p.stringToSign,
                "signature": p.signature,
            ]
        } else {
            stages = [:]
        }
        return try c.check(stages, expected: vector.want) ?? c.pass()
    }
}
