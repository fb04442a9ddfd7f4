/// `NoSuchUpload`: an uploadId that is not live.
enum UploadRule {
    static func findings(_ s: Situation) -> [Finding] {
        guard s.isCode("NoSuchUpload") else { return [] }
        var evidence: [Evidence] = []
        if let id = s.request?.query("uploadId") ?? s.error?.uploadId { evidence.append(Evidence("uploadId", id)) }
        if let part = s.request?.query("partNumber") { evidence.append(Evidence("partNumber", part)) }
        if let key = s.pathKey, !key.isEmpty { evidence.append(Evidence("key", key)) }
        let action: String
        switch (s.method, s.request?.query("partNumber") != nil) {
        case ("PUT", true): action = "UploadPart"
        case ("POST", _): action = "CompleteMultipartUpload"
        case ("DELETE", _): action = "AbortMultipartUpload"
        case ("GET", _): action = "ListParts"
        default: action = s.method.isEmpty ? "a multipart request" : "\(s.method) with uploadId"
        }
        evidence.append(Evidence("operation", action))
        if action == "AbortMultipartUpload" {
            evidence.append(
                Evidence("note", "aborting an upload that is already gone is harmless: nothing is left to clean up"))
        }
        return [Finding("no-such-upload.unknown-upload-id", confidence: .high, evidence: evidence)]
    }
}
