import COSSigning
import SignetHTTP

/// Runs `scheme: "cos"` vectors against the COS signer.
enum COSVectorRunner {
    static func run(_ v: JSONField, id: String, file: String) throws -> VectorResult {
        let expectError = try v.optional("expectError")?.string()
        let expect = try v.optional("expect")?.object() ?? [:]
        func want(_ stage: String) throws -> String? { try expect[stage]?.string() }
        let credentialsField = try v.required("credentials")
        let sign = try v.required("sign")

        // Build everything that may legitimately fail inside one do-block, for expectError cases.
        var result: (COSSignature?, COSPostPolicy?)
        let verdict = try VectorRunner.attempt(expectError: expectError, file: file, id: id) {
            let creds = try COSCredentials(
                secretId: try credentialsField.required("id").string(),
                secretKey: try credentialsField.required("secret").string(),
                sessionToken: try credentialsField.optional("token")?.string(),
                expiration: try credentialsField.optional("expiration")?.int())
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
        if let s = result.0 {
            if let f = c.check("httpString", expected: try want("httpString"), actual: s.httpString) { return f }
            if let f = c.check("stringToSign", expected: try want("stringToSign"), actual: s.stringToSign) { return f }
            if let f = c.check("signKey", expected: try want("signKey"), actual: s.signKey.reveal()) { return f }
            if let f = c.check("signature", expected: try want("signature"), actual: s.signature) { return f }
            if let f = c.check("authorization", expected: try want("authorization"), actual: s.authorization) {
                return f
            }
            if let f = c.check("url", expected: try want("url"), actual: s.url) { return f }
        } else if let p = result.1 {
            if let f = c.check("policyBase64", expected: try want("policyBase64"), actual: p.policyBase64) { return f }
            if let f = c.check("signKey", expected: try want("signKey"), actual: p.signKey.reveal()) { return f }
            if let f = c.check("stringToSign", expected: try want("stringToSign"), actual: p.stringToSign) { return f }
            if let f = c.check("signature", expected: try want("signature"), actual: p.signature) { return f }
        }
        return c.pass()
    }
}
