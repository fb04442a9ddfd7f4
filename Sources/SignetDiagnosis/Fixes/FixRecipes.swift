import COSSigning
import Foundation
import SignetCrypto
import SignetHTTP

/// Signed, runnable requests for the COS FAQ's tasks: curl commands and presigned URLs made with
/// `COSSigner`, valid for 15 minutes. Session tokens are never printed: commands read them from
/// `$TENCENTCLOUD_SESSION_TOKEN` instead.
public struct FixRecipes: Sendable {
    /// `https://bucket-appid.cos.region.myqcloud.com` (or any origin).
    public let origin: String
    let signer: COSSigner
    let now: Double
    /// Validity of every signature, in seconds.
    public var validFor: Int64 = 900

    /// Creates recipes for a bucket origin.
    /// - Throws: `SignetError` for bad credentials or origin.
    public init(origin: String, credentials: AccessKeyPair, now: Double? = nil) throws {
        _ = try RequestURL(origin + "/")
        self.origin = origin
        self.signer = COSSigner(credentials: try credentials.cosCredentials())
        self.now = now ?? SystemClock().now()
    }

    static let tokenVariable = "${TENCENTCLOUD_SESSION_TOKEN}"

    var keyTime: KeyTime { get throws { try KeyTime.window(now: now, duration: validFor, backdate: 60) } }

    func url(_ key: String, _ query: [(String, String?)]) -> String {
        var u = origin + "/" + PercentEncoding.encode(key, keepSlash: true)
        if !query.isEmpty {
            var items: [String] = []
            for (name, value) in query {
                let n = PercentEncoding.encode(name)
                items.append(value.map { "\(n)=\(PercentEncoding.encode($0))" } ?? n)
            }
            u += "?" + items.joined(separator: "&")
        }
        return u
    }

    /// A signed curl command (Authorization header).
    public func curl(
        _ method: String, key: String, query: [(String, String?)] = [], headers: [(String, String)] = [],
        body: [UInt8]? = nil
    ) throws -> String {
        var h = HTTPHeaders(headers)
        if let body {
            h.set("Content-Length", "\(body.count)")
        }
        let request = try SigningRequest(method: method, url: url(key, query), headers: h, body: body)
        let sig = try signer.sign(request, keyTime: keyTime)
        var parts = ["curl", "-sS"]
        if method == "HEAD" { parts.append("-I") } else if method != "GET" { parts += ["-X", method] }
        parts.append(ShellQuote.single(request.url.text))
        for f in sig.headersToAdd + h.fields where f.name.lowercased() != "content-length" {
            if f.name.lowercased() == COSSigningOptions.securityTokenName {
                parts += ["-H", "\"\(f.name): \(FixRecipes.tokenVariable)\""]
            } else {
                parts += ["-H", ShellQuote.single("\(f.name): \(f.value)")]
            }
        }
        if let body {
            parts += ["--data-binary", ShellQuote.single(String(decoding: body, as: UTF8.self))]
        }
        return parts.joined(separator: " ")
    }

    /// A presigned URL (query signature).
    public func presigned(_ method: String, key: String, query: [(String, String?)] = []) throws -> String {
        let request = try SigningRequest(method: method, url: url(key, query))
        guard var u = try signer.presign(request, keyTime: keyTime).url else { return "" }
        if let token = signer.credentials.isTemporary ? "x-cos-security-token=" : nil, let r = u.range(of: token) {
            u = String(u[..<r.upperBound]) + FixRecipes.tokenVariable
        }
        return u
    }

    /// `<Delete>` body for `keys` (leading `/` stripped), quiet mode, with its Content-MD5.
    public static func deleteBody(_ keys: [String]) -> (body: [UInt8], md5: String) {
        var xml = "<Delete><Quiet>true</Quiet>"
        for k in keys {
            let key = String(k.drop { $0 == "/" })
            xml += "<Object><Key>\(escape(key))</Key></Object>"
        }
        xml += "</Delete>"
        let bytes = Array(xml.utf8)
        return (bytes, Data(Hasher<MD5>.hash(bytes).bytes).base64EncodedString())
    }

    static func escape(_ s: String) -> String {
        s.replacingAll("&", with: "&amp;").replacingAll("<", with: "&lt;").replacingAll(">", with: "&gt;")
    }

    // MARK: - The FAQ's tasks

    /// List live multipart uploads (optionally under `key`), then abort one.
    public func abortIncompleteUpload(key: String?, uploadId: String?) throws -> RunnableFix {
        var cmds = ["# 1. list the live multipart uploads (look for <Key> and <UploadId>)"]
        var q: [(String, String?)] = [("uploads", nil)]
        if let key, !key.isEmpty { q.append(("prefix", key)) }
        cmds.append(try curl("GET", key: "", query: q))
        cmds.append("# 2. abort one: this deletes its uploaded parts")
        if let key, let uploadId, !key.isEmpty {
            cmds.append(try curl("DELETE", key: key, query: [("uploadId", uploadId)]))
        } else {
            cmds.append("#    (sign DELETE /KEY?uploadId=ID for the upload to abort)")
        }
        return RunnableFix(title: "Abort an incomplete multipart upload (list, then abort)", commands: cmds)
    }

    /// Batch delete of `keys`, in batches of 1000, with Content-MD5 (after listing the prefix).
    public func deleteKeys(_ keys: [String], listPrefix: String?) throws -> RunnableFix {
        var cmds: [String] = []
        if let listPrefix {
            cmds.append("# 1. list what is under the prefix")
            cmds.append(try curl("GET", key: "", query: [("prefix", listPrefix)]))
        }
        var start = 0
        while start < keys.count {
            let batch = Array(keys[start..<min(keys.count, start + 1000)])
            let (body, md5) = FixRecipes.deleteBody(batch)
            cmds.append("# batch delete of \(batch.count) key(s), keys without a leading /")
            cmds.append(
                try curl(
                    "POST", key: "", query: [("delete", nil)],
                    headers: [("Content-Type", "application/xml"), ("Content-MD5", md5)], body: body))
            start += 1000
        }
        return RunnableFix(title: "Batch delete (at most 1000 keys per request, with Content-MD5)", commands: cmds)
    }

    /// Delete a "folder": list the prefix, then batch delete.
    public func deleteFolder(prefix: String) throws -> RunnableFix {
        let p = prefix.hasSuffix("/") ? prefix : prefix + "/"
        return RunnableFix(
            title: "Delete a folder (list the prefix, then batch delete in batches of 1000)",
            commands: [
                "# 1. list the keys under the prefix (repeat with marker=NextMarker while IsTruncated is true)",
                try curl("GET", key: "", query: [("prefix", p)]),
                "# 2. batch delete them, at most 1000 per request, Content-MD5 over the exact body; sign each batch",
                "#    (for known keys, Signet prints the signed batch: see the batch-delete fix)",
            ])
    }

    /// Create a folder: an empty object whose key ends with `/`.
    public func createFolder(_ key: String) throws -> RunnableFix {
        let k = key.hasSuffix("/") ? key : key + "/"
        return RunnableFix(title: "Create the folder \(k)", commands: [try curl("PUT", key: k, body: [])])
    }

    /// Rename: copy to the new key, then delete the old one.
    public func rename(from: String, to: String) throws -> RunnableFix {
        RunnableFix(
            title: "Rename \(from) to \(to) (copy, then delete)",
            commands: [
                try curl("PUT", key: to, headers: [copySource(from)]),
                "# only after the copy answered 200 with <CopyObjectResult>:",
                try curl("DELETE", key: from),
            ])
    }

    /// Change the storage class: copy the object onto itself with `x-cos-storage-class`.
    public func changeStorageClass(key: String, to storageClass: String) throws -> RunnableFix {
        RunnableFix(
            title: "Change the storage class of \(key) to \(storageClass) (copy onto itself)",
            commands: [try curl("PUT", key: key, headers: [copySource(key), ("x-cos-storage-class", storageClass)])])
    }

    /// The `x-cos-copy-source` header naming `key` in this bucket: `host/encoded-key`.
    func copySource(_ key: String) -> (String, String) {
        (
            "x-cos-copy-source",
            (URL(string: origin)?.host ?? origin) + "/" + PercentEncoding.encode(key, keepSlash: true)
        )
    }

    /// Download as an attachment: a presigned GET with `response-content-disposition`.
    public func downloadAsAttachment(key: String, filename: String? = nil) throws -> RunnableFix {
        let name = filename ?? (key.split(separator: "/").last.map(String.init) ?? key)
        let disposition = "attachment; filename=\"\(name.replacingAll("\"", with: ""))\""
        return RunnableFix(
            title: "Download \(key) as an attachment",
            commands: [try presigned("GET", key: key, query: [("response-content-disposition", disposition)])])
    }

    /// Find the bucket's region: HEAD the bucket and read `x-cos-bucket-region`.
    public func bucketRegion() throws -> RunnableFix {
        RunnableFix(
            title: "Find the bucket's region (HEAD bucket; read x-cos-bucket-region)",
            commands: [try curl("HEAD", key: "")])
    }

    /// Check an object's existence, size and tier: HEAD the object.
    public func objectInfo(key: String) throws -> RunnableFix {
        RunnableFix(
            title:
                "Check \(key): 200 = exists; Content-Length = size; x-cos-storage-class / x-cos-storage-tier = class and tier",
            commands: [try curl("HEAD", key: key)])
    }
}
