/// Attaches runnable fixes (signed curl commands, presigned URLs) to findings, when the person gave
/// credentials and the request went to a COS-signed host.
enum FixPlanner {
    static func attach(_ findings: [Finding], _ s: Situation) -> [Finding] {
        guard let creds = s.context.credentials, let url = s.url, s.auth?.scheme == .cos || s.isCOSHost,
            let recipes = try? FixRecipes(origin: url.origin, credentials: creds, now: s.context.now)
        else { return findings }
        return findings.map { f in
            var f = f
            if let fix = try? plan(f, s, recipes) { f.runnable += fix }
            return f
        }
    }

    static func plan(_ f: Finding, _ s: Situation, _ r: FixRecipes) throws -> [RunnableFix] {
        let key = s.pathKey ?? ""
        switch f.id {
        case "request-expired.signature-window", "request-expired.local-clock", "request-expired.temporary-key",
            "clock-skew.request-time-too-skewed", "request-not-yet-valid.future-start":
            guard ["GET", "HEAD", "DELETE"].contains(s.method) else { return [] }
            let fresh = s.auth?.inQuery == true ? try r.presigned(s.method, key: key) : try r.curl(s.method, key: key)
            return [RunnableFix(title: "The same request, freshly signed (valid 15 min from now)", commands: [fresh])]
        case "no-such-upload.unknown-upload-id":
            return [try r.abortIncompleteUpload(key: key.isEmpty ? nil : key, uploadId: nil)]
        case "batch-delete.leading-slash-key", "batch-delete.missing-content-md5", "batch-delete.too-many-keys":
            guard let bytes = s.request?.body, let body = try? DeleteRequestBody(parsing: bytes) else { return [] }
            return [try r.deleteKeys(body.objects.map(\.key), listPrefix: nil)]
        case "no-such-key.copy-source":
            guard let request = s.request, let source = KeyRule.copySource(request) else { return [] }
            var srcKey = (try? PercentEncodingLite.decode(source)) ?? source
            if let slash = srcKey.firstIndex(of: "/"), !srcKey.hasPrefix("/") {
                srcKey = String(srcKey[srcKey.index(after: slash)...])
            }
            srcKey = String(srcKey.drop { $0 == "/" })
            var out = [try r.objectInfo(key: srcKey)]
            if !srcKey.hasSuffix("/") { out.append(try r.objectInfo(key: srcKey + "/")) }
            return out
        case "no-such-key.object", "no-such-key.leading-slash-key":
            let clean = String(key.drop { $0 == "/" })
            return [try r.objectInfo(key: clean)]
        case "no-such-bucket.bucket-name", "auth.region-mismatch":
            return [try r.bucketRegion()]
        default:
            return []
        }
    }
}
