/// The text behind each finding id: the cause in one sentence, the fix, and the FAQ question.
///
/// Ids are `area.cause` and stable: vector files and scripts assert them. Causes and fixes follow the
/// COS API FAQ, in Signet's own words.
public enum FindingCatalogue {
    /// One finding id and its text.
    public struct Entry: Sendable {
        /// The stable id.
        public let id: String
        /// The cause in one sentence.
        public let cause: String
        /// What to do.
        public let fix: [String]
        /// The related FAQ question.
        public let faq: FAQQuestion?
    }

    /// The entry for `id`: a named finding, or the generic one of a catalogued error code.
    public static func entry(_ id: String) -> Entry? {
        if let e = byId[id] { return e }
        if let code = ErrorCatalogue.entry(findingId: id) {
            return Entry(
                id: id, cause: "The server answered \(code.code): \(code.meaning)", fix: code.fixes, faq: code.faq)
        }
        return nil
    }

    /// Every named finding (catalogued error codes add one generic id each, see `ErrorCatalogue`).
    public static var all: [Entry] { entries }

    private static let byId: [String: Entry] = Dictionary(uniqueKeysWithValues: entries.map { ($0.id, $0) })

    private static func e(_ id: String, _ cause: String, _ fix: [String], _ faq: FAQQuestion? = nil) -> Entry {
        Entry(id: id, cause: cause, fix: fix, faq: faq)
    }

    private static let entries: [Entry] = [
        // Expiry and clocks.
        e(
            "request-expired.signature-window",
            "The signature's validity window had already closed when the request reached the server: the window itself is over, which a correct clock does not fix.",
            [
                "Sign the request again just before sending it, with a window long enough for the whole use (a link shared for a day needs a day).",
                "A presigned URL cannot be renewed: generate a new one.",
            ], .requestHasExpired),
        e(
            "request-expired.local-clock",
            "The signature window was computed from a clock that is off from the server's, so by the server's time the window had closed or not yet opened.",
            [
                "Synchronise the client's clock (NTP: `timedatectl set-ntp true`, `chronyc makestep`), then sign again.",
                "Where the clock cannot be fixed (phones, browsers), measure the offset from the response Date header and sign with now + offset.",
            ], .requestHasExpired),
        e(
            "request-expired.temporary-key",
            "The request was signed with a temporary key whose own life ran out; a signature stops working when its key does, whatever window it asks for.",
            [
                "Fetch new temporary credentials from STS and sign again.",
                "Keep signature windows inside the key's life (a root account's temporary keys live at most 2 hours); refresh keys before they expire.",
            ], .permanentSignature),
        e(
            "request-not-yet-valid.future-start",
            "The signature window starts after the server's time: the request was signed for a future start time.",
            [
                "Start the window at (or slightly before) the current time; SDKs back-date the start by a few seconds to absorb small clock differences."
            ], .requestHasExpired),
        e(
            "presign.expires-too-long",
            "The presigned URL asks for a lifetime longer than SigV4 allows (7 days, 604800 seconds).",
            ["Presign with X-Amz-Expires of at most 604800, and generate a new URL when it runs out."]),
        e(
            "clock-skew.request-time-too-skewed",
            "The time the request carries differs from the server's clock by more than the 15 minutes allowed, so the server refuses it whatever the signature.",
            [
                "Synchronise the client's clock with NTP and send again.",
                "If the clock cannot be corrected, read the server's time from the response Date header and sign with the measured offset.",
            ], .requestHasExpired),
        // Signature mismatch.
        e(
            "signature-mismatch.header-altered",
            "A signed header was sent with a different value from the one signed (typically a library that adds `; charset=utf-8` or a default Content-Type after the signature was computed).",
            [
                "Set every signed header to its final value before signing, and stop the HTTP library from rewriting it (pass Content-Type explicitly, as bytes).",
                "Or leave that header out of the signed list, if the bucket does not require it signed.",
            ]),
        e(
            "signature-mismatch.path-encoding",
            "The object key was encoded differently on the wire from the form that was signed: a `+` or space, a double-encoded `%25XX`, or a signed path that was percent-encoded instead of the decoded key.",
            [
                "Sign the decoded key (COS: the raw UTF-8 path, e.g. `/a b+c.txt`; SigV4: encode it exactly once).",
                "On the wire encode every byte except `A-Z a-z 0-9 - _ . ~ /`: a space as `%20`, a plus as `%2B`, never `+` for a space, and never encode an already encoded key again.",
            ]),
        e(
            "signature-mismatch.wrong-secret",
            "Everything the server signed matches the request, yet the signatures differ: the secret used to sign is not the one that belongs to this key id.",
            [
                "Check that the SecretKey (or secret access key) belongs to the SecretId / access key id in the request: no stray whitespace, no key from another account or environment.",
                "With temporary credentials, use the tmpSecretId, tmpSecretKey and token from the same STS response.",
            ]),
        e(
            "signature-mismatch.method-differs",
            "The request was sent with a different HTTP method from the one signed (e.g. a PUT URL used for GET, or a library turning HEAD into GET).",
            ["Sign with the method that will be sent; presigned URLs only work for the method they were made for."]),
        e(
            "signature-mismatch.path-differs",
            "The path the server saw is not the path that was signed (another key, a path prefix added by a proxy, or a bucket in the path versus the host).",
            [
                "Sign the exact path that is sent: the same key, and the same addressing style (virtual-host or path style)."
            ]),
        e(
            "signature-mismatch.parameter-altered",
            "A signed query parameter was changed, added or removed after signing.",
            [
                "Add every query parameter before signing and do not append parameters to a presigned URL afterwards.",
                "Encode parameter values the same way for signing and on the wire (`%20` for spaces).",
            ]),
        e(
            "signature-mismatch.string-to-sign-differs",
            "The server's string to sign differs from the one the request implies (the key time or the hash of the canonical request); the request was changed after signing.",
            ["Compare the request as sent with what was signed, component by component; sign the final request."]),
        e(
            "signature-mismatch.client-signing-error",
            "Signing the request as given with the supplied credentials gives a different signature from the one sent: the client signed something other than what it sent.",
            [
                "Log the HttpString / canonical request your client signs and compare it with the one Signet prints; sign the request exactly as sent."
            ]),
        e(
            "signature-mismatch.unexplained",
            "The server computed a different signature and the response carries no echo to compare with.",
            [
                "Re-run the diagnosis with --credentials so Signet can re-sign the request and compare.",
                "Check, in order: the secret belongs to the key id; signed headers are sent unchanged; the key is encoded once (`%20`, `%2B`).",
            ]),
        e(
            "payload.content-sha256-mismatch",
            "The body sent does not hash to the x-amz-content-sha256 value that was signed.",
            ["Hash the exact bytes that are sent, or sign with UNSIGNED-PAYLOAD where the service allows it."]),
        // Uploads, keys, buckets.
        e(
            "no-such-upload.unknown-upload-id",
            "The uploadId is not a live multipart upload: it was completed or aborted already, belongs to another key or bucket, or was mistyped.",
            [
                "List the live uploads (GET /?uploads, optionally with prefix=KEY) and use an uploadId from there, or start a new upload.",
                "Re-sending a part with the same uploadId and partNumber is safe: it replaces the earlier part.",
                "After Complete or Abort, an uploadId is gone for good.",
            ], .noSuchUploadOnUploadPart),
        e(
            "no-such-key.copy-source",
            "PUT Object - Copy could not find the source object named in the copy-source header; most often a folder key without its trailing `/`.",
            [
                "Check that the source exists (HEAD it). For a folder, the key ends with `/`: copy `dir/`, not `dir`.",
                "Write the source as `bucket-appid.cos.region.myqcloud.com/key` (COS) or `bucket/key` (S3), URL-encoded once, with no `/` before the key.",
            ], .copyNoSuchKey),
        e(
            "no-such-key.object",
            "The object does not exist under this key (in this bucket and region).",
            [
                "Check the key's exact spelling, case and encoding; list the prefix (GET /?prefix=...) to see what exists.",
                "HEAD the object to check existence before reading it.",
            ], .objectExists),
        e(
            "no-such-key.leading-slash-key",
            "The path names a key that starts with `/` (a doubled slash after the host), which is a different key from the one without it.",
            ["Send the key without a leading `/`: `https://host/dir/a.jpg`, not `https://host//dir/a.jpg`."]),
        e(
            "no-such-bucket.bucket-name",
            "The bucket does not exist under this name in this region (COS names carry the APPID: `name-1250000000`).",
            [
                "Check the bucket name with its APPID, and the region in the host; HEAD the bucket to confirm it (x-cos-bucket-region)."
            ],
            .bucketRegion),
        e(
            "invalid-object-state.archived",
            "The object sits in an archive tier and must be restored before it can be read.",
            [
                "Restore the object (POST Object restore) and read it once the restore finishes; HEAD shows the restore state."
            ],
            .storageTier),
        // Batch delete.
        e(
            "batch-delete.leading-slash-key",
            "The batch delete lists keys that start with `/`. Keys never start with `/`, so these name other, non-existent objects: the server counts them as deleted and the real objects stay.",
            [
                "Strip the leading `/` from every key in the `<Delete>` body and send the request again.",
                "Then list the prefix to confirm the objects are gone.",
            ], .batchDeleteSucceededButObjectRemains),
        e(
            "batch-delete.per-key-error",
            "The batch delete succeeded as a request, but the server refused some of the keys; each refused key has its own error code.",
            ["Fix each listed key's cause (permission, path conflict, object lock) and delete those keys again."]),
        e(
            "batch-delete.quiet-mode",
            "The batch delete asked for quiet mode: the response lists only the keys that failed, so an empty result means no failures, not no work.",
            ["Send `<Quiet>false</Quiet>` to see every deleted key, or rely on the absence of `<Error>` entries."]),
        e(
            "batch-delete.missing-content-md5",
            "The batch delete was sent without Content-MD5; COS and S3 expect the base64 MD5 of the XML body on this request.",
            ["Add `Content-MD5: base64(md5(body))` computed over the exact body bytes, and sign it."]),
        e(
            "batch-delete.too-many-keys",
            "The batch delete lists more than 1000 keys, the most one request may carry.",
            ["Split the keys into batches of at most 1000."], .deleteFolder),
        e(
            "batch-delete.malformed-body",
            "The `<Delete>` body of the batch delete could not be read as XML.",
            [
                "Send a well-formed `<Delete><Object><Key>…</Key></Object></Delete>` body, with Content-MD5 over its exact bytes."
            ]),
        // Keys and tokens.
        e(
            "access-key.unknown-id",
            "The server does not know this SecretId / access key id: it is mistyped, deleted or disabled, belongs to another account or endpoint, or is a temporary id sent without its token.",
            [
                "Check the key id in the console (CAM API keys) and that the endpoint is the one the key belongs to.",
                "For temporary credentials send the session token with the temporary id.",
            ]),
        e(
            "access-key.missing-session-token",
            "The key id looks like a temporary one, but the request carries no session token; without it the server cannot find the key.",
            [
                "Send the token from the same STS response: x-cos-security-token (COS) or X-Amz-Security-Token (SigV4), as a header or, for presigned URLs, a query parameter."
            ]),
        e(
            "access-key.expired-token",
            "The temporary credentials (session token) have expired.",
            ["Request new temporary credentials from STS and sign again; refresh them before they run out."],
            .permanentSignature),
        e(
            "access-key.invalid-token",
            "The session token is malformed or does not belong to the temporary key id.",
            ["Send the token exactly as STS returned it, with the tmpSecretId and tmpSecretKey from the same response."]
        ),
        // Access denied.
        e(
            "access-denied.permission",
            "The signature was accepted, but the identity has no permission for this action on this resource (or the request was anonymous on a private bucket).",
            ["Grant the action on the resource in the bucket policy / ACL / CAM policy, or use a key that has it."]),
        e(
            "access-denied.referer",
            "The bucket's hotlink (Referer) protection refused the request's Referer.",
            ["Add the site to the bucket's referer allow-list, or send the request from an allowed page."]),
        e(
            "access-denied.cors",
            "The bucket's CORS rules do not allow this browser request (origin, method or headers).",
            [
                "Add a CORS rule allowing the origin, method and request headers; expose ETag and Date if the app reads them."
            ]),
        e(
            "access-denied.sts-policy-scope",
            "The request used a temporary key, and the policy attached when the key was issued does not cover this action or resource.",
            [
                "Request the temporary key with a policy that allows this action (e.g. name/cos:PutObject) on this resource prefix."
            ]),
        e(
            "access-denied.anonymous",
            "The request carries no signature, and the bucket does not allow anonymous access for it.",
            [
                "Sign the request (Authorization header or a presigned URL), or make the object public-read if that is intended."
            ]),
        e(
            "access-denied.unsigned-headers",
            "Headers that must be signed (such as host) were left out of the signed header list.",
            ["Sign host and every x-amz-* / x-cos-* header you send."]),
        e(
            "access-denied.missing-date",
            "The request has neither x-amz-date nor Date, so the server cannot tell when it was signed.",
            ["Send x-amz-date (SigV4) or Date, and sign it."]),
        // Host and scope.
        e(
            "host-mismatch.signed-host",
            "The request was signed for one host and sent to another, so the host the server signs is not the host in the signature.",
            ["Sign for the host the request is sent to (the Host header value)."]),
        e(
            "host-mismatch.custom-domain",
            "The request was sent to a CDN, accelerate or custom domain, which forwards it to COS under another host; a signature made for the original host no longer matches (or the domain needs its own authentication).",
            [
                "Sign for the host the request is sent to, and sign the host header; or send the request to the bucket's default domain (`bucket-appid.cos.region.myqcloud.com`).",
                "For a CDN with back-to-origin authentication, use the CDN's own URL signing instead.",
            ]),
        e(
            "auth.region-mismatch",
            "The credential scope names a different region from the one the endpoint serves.",
            ["Sign with the region the server names (the Region element of the error)."], .bucketRegion),
        e(
            "auth.malformed",
            "The Authorization header or presigned parameters are malformed or incomplete.",
            [
                "Send every part of the signature (algorithm, credential, signed headers, signature) in the documented form."
            ]),
        // Response problems.
        e(
            "response.html-error-page",
            "The response is an HTML page, not a storage error document: a proxy, CDN, load balancer or captive portal answered instead of the storage service.",
            ["Check the endpoint, any proxy settings (HTTP(S)_PROXY), and the CDN or gateway in front of the bucket."]),
        e(
            "response.unreadable-body",
            "The error body could not be read as XML; only the status and headers were used.",
            ["Capture the full response body (curl -sS -D - URL) and run the diagnosis again."]),
        e(
            "response.status-only",
            "The response has no body (as for HEAD), so the cause is inferred from the status code alone.",
            ["Repeat the request as GET (or with curl -v) to get the error document with its code."]),
    ]
}
