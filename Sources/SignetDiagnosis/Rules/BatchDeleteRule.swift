/// Batch delete (`POST /?delete`): leading-slash keys (even on 200), per-key errors, quiet mode,
/// a missing Content-MD5, more than 1000 keys.
enum BatchDeleteRule {
    static func isBatchDelete(_ s: Situation) -> Bool {
        guard let r = s.request, r.upperMethod == "POST" else {
            if case .deleteResult = s.body { return true }
            return false
        }
        return r.queryItems.contains { $0.name == "delete" }
    }

    static func findings(_ s: Situation) -> [Finding] {
        guard isBatchDelete(s) else { return [] }
        var out: [Finding] = []
        var body: DeleteRequestBody?
        if let bytes = s.request?.body, !bytes.isEmpty {
            do {
                body = try DeleteRequestBody(parsing: bytes)
            } catch {
                out.append(
                    Finding(
                        "batch-delete.malformed-body", confidence: .high,
                        evidence: [Evidence("parse error", "\(error)")]))
            }
        }
        var result: DeleteResult?
        if case .deleteResult(let r) = s.body { result = r }

        let slashKeys = (body?.objects.map(\.key) ?? result.map { $0.deleted.map(\.key) + $0.errors.map(\.key) } ?? [])
            .filter { $0.hasPrefix("/") }
        if !slashKeys.isEmpty {
            var evidence = [Evidence("keys starting with /", list(slashKeys))]
            if let result {
                let reported = result.deleted.map(\.key).filter { $0.hasPrefix("/") }
                if !reported.isEmpty {
                    evidence.append(Evidence("reported as <Deleted> by the server", list(reported)))
                }
                let failed = result.errors.filter { $0.key.hasPrefix("/") }
                if !failed.isEmpty {
                    evidence.append(
                        Evidence(
                            "reported as <Error> by the server",
                            failed.map { "\($0.key): \($0.code)" }.joined(separator: ", ")))
                }
            }
            evidence.append(
                Evidence("keys to send instead", list(slashKeys.map { String($0.drop { $0 == "/" }) })))
            if let status = s.status { evidence.append(Evidence("HTTP status", "\(status)")) }
            var finding = Finding("batch-delete.leading-slash-key", confidence: .high, evidence: evidence)
            if !s.isCOSHost {
                finding.cause =
                    "The batch delete lists keys that start with `/`. Keys never start with `/`: COS takes such keys literally, reports them deleted and leaves the real objects in place. Some S3-compatible servers strip the slash instead (JuiceFS and SeaweedFS deleted the real objects in Signet's tests), so the outcome depends on the server; do not rely on it."
            }
            out.append(finding)
        }
        if let result, !result.errors.isEmpty {
            let lines = result.errors.prefix(20).map { e in
                "\(e.key)\(e.versionId.map { " (version \($0))" } ?? ""): \(e.code)\(e.message.map { " — \($0)" } ?? "")"
            }
            var evidence = lines.map { Evidence("not deleted", $0) }
            if result.errors.count > 20 {
                evidence.append(Evidence("more", "\(result.errors.count - 20) further errors"))
            }
            out.append(Finding("batch-delete.per-key-error", confidence: .high, evidence: evidence))
        }
        if let body, body.quiet {
            var evidence = [Evidence("<Quiet>", "true")]
            if let result {
                evidence.append(
                    Evidence(
                        "entries in the response", "\(result.deleted.count) deleted, \(result.errors.count) errors"))
            }
            out.append(Finding("batch-delete.quiet-mode", confidence: .medium, evidence: evidence))
        }
        if let r = s.request, r.upperMethod == "POST", !r.headers.contains("Content-MD5"),
            !r.headers.fields.contains(where: { $0.name.lowercased().hasPrefix("x-amz-checksum-") })
        {
            let missingIsTheError =
                s.isCode("MissingContentMD5") || s.isCode("InvalidRequest") || s.isCode("InvalidDigest")
            out.append(
                Finding(
                    "batch-delete.missing-content-md5", confidence: missingIsTheError ? .high : .medium,
                    evidence: [Evidence("request headers", "no Content-MD5 header")]))
        }
        if let body, body.objects.count > 1000 {
            out.append(
                Finding(
                    "batch-delete.too-many-keys", confidence: .high,
                    evidence: [Evidence("objects in <Delete>", "\(body.objects.count)")]))
        }
        return out
    }

    static func list(_ keys: [String]) -> String {
        let shown = keys.prefix(10).map { "\"\($0)\"" }.joined(separator: ", ")
        return keys.count > 10 ? "\(shown) and \(keys.count - 10) more" : shown
    }
}
