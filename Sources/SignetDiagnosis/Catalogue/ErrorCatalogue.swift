/// Every COS error code of the COS documentation's table, and the common S3 codes: status, meaning,
/// likely causes, fixes, and the finding id the code maps to.
///
/// Key logic on `code`, not on status: COS moved some codes between statuses over time.
public enum ErrorCatalogue {
    /// One error code.
    public struct Entry: Sendable {
        /// The code as servers send it (typos such as `BadRquest` are kept, as servers keep them).
        public let code: String
        /// HTTP statuses the code comes with.
        public let statuses: [Int]
        /// What it means, in a sentence.
        public let meaning: String
        /// Likely causes.
        public let causes: [String]
        /// What to do.
        public let fixes: [String]
        /// The related FAQ question.
        public let faq: FAQQuestion?
        /// The finding the code maps to when no rule says more: a named finding, or
        /// `<kebab-code>.reported`.
        public let findingId: String
        /// Where the code is documented: `cos`, `s3` or both.
        public let services: String
    }

    /// The entry for a code (exact match first, then case-insensitive).
    public static func entry(code: String) -> Entry? {
        if let e = byCode[code] { return e }
        return byLowerCode[code.lowercased()]
    }

    /// The entry whose generic finding id is `findingId`.
    public static func entry(findingId: String) -> Entry? { byFindingId[findingId] }

    /// Every entry.
    public static var all: [Entry] { entries }

    /// `EntityTooLarge` → `entity-too-large`.
    public static func kebab(_ code: String) -> String {
        var out = ""
        let chars = Array(code)
        for (i, c) in chars.enumerated() {
            if c.isUppercase, i > 0 {
                let prevLower = chars[i - 1].isLowercase || chars[i - 1].isNumber
                let nextLower = i + 1 < chars.count && chars[i + 1].isLowercase
                if prevLower || (chars[i - 1].isUppercase && nextLower) { out += "-" }
            }
            if c == "_" || c == " " || c == "." {
                out += "-"
            } else {
                out += c.lowercased()
            }
        }
        return out
    }

    private static let byCode: [String: Entry] = Dictionary(
        entries.map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
    private static let byLowerCode: [String: Entry] = Dictionary(
        entries.map { ($0.code.lowercased(), $0) }, uniquingKeysWith: { a, _ in a })
    private static let byFindingId: [String: Entry] = Dictionary(
        entries.filter { $0.findingId.hasSuffix(".reported") }.map { ($0.findingId, $0) },
        uniquingKeysWith: { a, _ in a })

    private static func c(
        _ code: String, _ statuses: [Int], _ meaning: String, causes: [String] = [], fixes: [String] = [],
        faq: FAQQuestion? = nil, id: String? = nil, services: String = "cos"
    ) -> Entry {
        Entry(
            code: code, statuses: statuses, meaning: meaning, causes: causes.isEmpty ? [meaning] : causes,
            fixes: fixes.isEmpty ? ["Correct the request as the message says and send it again."] : fixes, faq: faq,
            findingId: id ?? "\(kebab(code)).reported", services: services)
    }

    private static let retry = ["Retry with exponential back-off; if it persists, contact support with the RequestId."]

    private static let entries: [Entry] = [
        // 3xx
        c(
            "PermanentRedirect", [301], "The bucket must be addressed through another endpoint.",
            fixes: ["Send the request to the endpoint the response names (its region's domain)."], services: "cos,s3"),
        c(
            "TemporaryRedirect", [302, 307], "The request should be sent to another endpoint for now.",
            fixes: ["Follow the Location header."], services: "cos,s3"),
        c("Redirect", [307], "The request is being redirected.", fixes: ["Follow the Location header."]),
        // 400
        c(
            "ActionAccelerateNotSupported", [400], "This action cannot be sent to the global acceleration endpoint.",
            fixes: ["Send it to the bucket's regional domain instead."]),
        c("AttachmentFull", [400], "The bucket already holds the maximum number of attachments of this kind."),
        c(
            "BadDigest", [400], "The Content-MD5 (or checksum) does not match the body received.",
            causes: ["The MD5 was computed over different bytes (another encoding, line endings, or a changed body)."],
            fixes: ["Compute base64(md5) over exactly the bytes sent."], services: "cos,s3"),
        c(
            "BadRquest", [400], "The request parameters are invalid (COS spells this code with the typo).",
            fixes: ["Check each parameter against the API's documentation."]),
        c(
            "BadRequest", [400], "The request parameters are invalid.",
            fixes: ["Check each parameter against the API's documentation."]),
        c(
            "BucketAccelerateNotEnabled", [400], "Global acceleration is not enabled for this bucket.",
            fixes: ["Enable acceleration on the bucket, or use the regional domain."]),
        c(
            "BucketNameTooLong", [400], "The bucket name is longer than allowed.",
            fixes: ["Choose a shorter bucket name."]),
        c(
            "BucketVersionNotOpen", [400], "The operation needs versioning, which is not enabled on the bucket.",
            fixes: ["Enable versioning on the bucket first."]),
        c(
            "DNSRecordVerifyFailed", [400], "The DNS record for the custom domain could not be verified.",
            fixes: ["Create the CNAME/TXT record the console asks for and retry."]),
        c(
            "EntitySizeNotMatch", [400], "The body size does not match Content-Length.",
            fixes: ["Send a Content-Length equal to the body's byte count."]),
        c(
            "EntityTooLarge", [400], "The object or part is larger than the limit for this API.",
            fixes: ["Use multipart upload for large objects; keep each part within the limit."], services: "cos,s3"),
        c(
            "EntityTooSmall", [400],
            "A multipart part other than the last is smaller than the minimum (1 MB for COS, 5 MiB for S3).",
            fixes: ["Make every part except the last at least the minimum size."], services: "cos,s3"),
        c(
            "ExpiredToken", [400, 403], "The temporary credentials' session token has expired.",
            fixes: ["Get new temporary credentials from STS."], faq: .permanentSignature,
            id: "access-key.expired-token",
            services: "cos,s3"),
        c("ImageResolutionExceed", [400], "The image's resolution is above what image processing accepts."),
        c("ImageTooLarge", [400], "The image is larger than image processing accepts."),
        c(
            "IncompleteBody", [400], "Fewer bytes arrived than Content-Length announced.",
            causes: ["The connection broke, or Content-Length was set larger than the body."],
            fixes: ["Send a Content-Length equal to the body size and retry on network errors."], services: "cos,s3"),
        c(
            "IncorrectNumberOfFilesInPostRequest", [400], "A POST Object form must carry exactly one file field.",
            fixes: ["Send exactly one `file` field, as the last field of the form."], services: "cos,s3"),
        c("InvalidArgument", [400], "A header or parameter has an invalid value.", services: "cos,s3"),
        c(
            "InvalidBucketName", [400], "The bucket name is not valid.",
            fixes: ["Use lower-case letters, digits and `-`; COS names end with `-APPID`."], services: "cos,s3"),
        c(
            "InvalidCopySource", [400], "The copy-source header is not a valid source.",
            fixes: [
                "Write it as `bucket-appid.cos.region.myqcloud.com/key` (COS) or `bucket/key` (S3), URL-encoded once."
            ],
            faq: .copyNoSuchKey),
        c(
            "InvalidDelimiter", [400], "The delimiter parameter is not valid.",
            fixes: ["Use a single character such as `/`."]),
        c(
            "InvalidDigest", [400], "The Content-MD5 header is not a valid base64 MD5.",
            fixes: ["Send base64 of the 16 raw MD5 bytes (24 characters), not the hex digest."], services: "cos,s3"),
        c("InvalidImageFormat", [400], "The image format is not supported by image processing."),
        c("InvalidImageSource", [400], "The image processing source is not valid."),
        c("InvalidLocationConstraint", [400], "The region named for the bucket is not valid.", services: "cos,s3"),
        c(
            "InvalidObjectName", [400], "The object key is not valid (empty, too long or with forbidden characters).",
            fixes: ["Use a non-empty key of at most 850 bytes (COS) without control characters."]),
        c(
            "InvalidPart", [400], "A part listed in CompleteMultipartUpload was not uploaded or its ETag differs.",
            fixes: ["List the parts (GET ?uploadId=) and complete with their exact ETags."], services: "cos,s3"),
        c(
            "InvalidPartOrder", [400], "The parts in CompleteMultipartUpload are not in ascending order.",
            fixes: ["List parts by ascending PartNumber."], services: "cos,s3"),
        c("InvalidPicOperations", [400], "The Pic-Operations header is not valid JSON for image processing."),
        c(
            "InvalidPolicyDocument", [400], "The POST Object policy is not valid.",
            fixes: ["Send a base64 JSON policy with expiration and conditions matching the form fields."],
            services: "cos,s3"),
        c("InvalidRegionName", [400], "The region is not valid."),
        c("InvalidRequest", [400], "The request is not valid for this API.", services: "cos,s3"),
        c("InvalidSHA1Digest", [400], "The SHA-1 digest header does not match the body."),
        c("InvalidTag", [400], "A tag key or value is not valid."),
        c("InvalidTargetBucketForLogging", [400], "The logging target bucket is not valid.", services: "cos,s3"),
        c("InvalidUploadStatus", [400], "The multipart upload is in a state that does not allow this operation."),
        c(
            "InvalidURI", [400], "The URI could not be parsed.",
            fixes: ["Percent-encode the key once; do not send raw spaces or control characters."], services: "cos,s3"),
        c("InventoryFull", [400], "The bucket already has the maximum number of inventory configurations."),
        c("JsonAPINotSupportOnMAZBucket", [400], "The JSON API is not available on multi-AZ buckets."),
        c(
            "KeyTooLong", [400], "The object key is longer than allowed.", fixes: ["Shorten the key."],
            services: "cos,s3"),
        c("KmsException", [400], "The KMS service reported an error for the encryption key."),
        c("KmsKeyDisabled", [400], "The KMS key is disabled.", fixes: ["Enable the key or use another one."]),
        c("KmsKeyNotExist", [400], "The KMS key does not exist.", fixes: ["Use an existing KMS key id."]),
        c("ListPartUploadIdIsEmpty", [400], "ListParts was called without an uploadId.", fixes: ["Pass uploadId."]),
        c("LoggingConfExists", [400], "A logging configuration already exists."),
        c("LoggingPrefixInvalid", [400], "The logging prefix is not valid."),
        c("MalformedPolicy", [400], "The bucket policy is not valid JSON or has invalid fields.", services: "cos,s3"),
        c("MalformedPOSTRequest", [400], "The POST Object form is not valid multipart/form-data.", services: "cos,s3"),
        c(
            "MalformedXML", [400], "The XML body is not well-formed or does not follow the schema.",
            fixes: ["Validate the XML body; send Content-MD5 over the exact bytes."], services: "cos,s3"),
        c("MAZOperationNotSupportOnOAZBucket", [400], "A multi-AZ operation was sent to a single-AZ bucket."),
        c("MissingRequestBodyError", [400], "The API needs a body and none was sent.", services: "cos,s3"),
        c("MultiAZFeatureNotSupport", [400], "Multi-AZ is not available in this region."),
        c("MultiBucketNotSupport", [400], "The operation does not support several buckets."),
        c("NotifyRuleEventConflict", [400], "The notification rule's events conflict with another rule."),
        c("NotifyRulePrefixConflict", [400], "The notification rule's prefix conflicts with another rule."),
        c("NotifyRuleSuffixConflict", [400], "The notification rule's suffix conflicts with another rule."),
        c(
            "NotSupportedStorageClass", [400], "The storage class is not supported here.",
            fixes: ["Use a storage class available in this region (STANDARD, STANDARD_IA, ARCHIVE, …)."],
            faq: .changeStorageClass),
        c("OAZOperationNotSupportOnMAZBucket", [400], "A single-AZ operation was sent to a multi-AZ bucket."),
        c("PolicyFull", [400], "The bucket policy is at its size limit."),
        c("PolicyVersionFull", [400], "The policy has the maximum number of versions."),
        c(
            "RequestTimeout", [400], "The connection was idle too long before the body finished.",
            fixes: ["Retry; on slow links use multipart upload with smaller parts."], services: "cos,s3"),
        c(
            "SsecDecryptHeaderInvalid", [400], "The SSE-C headers for decryption are missing or wrong.",
            fixes: ["Send the same customer key (and its MD5) used to upload."]),
        c("SSEContentNotSupported", [400], "Server-side encryption is not supported for this content."),
        c("SSEHeaderNotAllowed", [400], "Server-side encryption headers are not allowed on this request."),
        c("TargetBucketNameInvalid", [400], "The target bucket name is not valid."),
        c("TooManyBuckets", [400], "The account has reached its bucket limit.", services: "cos,s3"),
        c("UnexpectedContent", [400], "The request carries content the API does not accept.", services: "cos,s3"),
        c("UserCnameInvalid", [400], "The custom domain (CNAME) is not valid."),
        c(
            "UserNetworkTooSlow", [400], "The upload was too slow and the server gave up.",
            fixes: ["Retry; use multipart upload with smaller parts on slow networks."]),
        c("VerifyAlgorithmNotSupported", [400], "The checksum algorithm is not supported."),
        c("WebsiteURLInvalid", [400], "The static-website URL is not valid."),
        c("XMLSizeLimit", [400], "The XML body is larger than allowed."),
        c(
            "MissingContentMD5", [400], "This request needs a Content-MD5 header.",
            fixes: ["Add Content-MD5 = base64(md5(body)) and sign it."], id: "batch-delete.missing-content-md5",
            services: "cos,s3"),
        c(
            "MissingAppid", [400], "The request does not say which APPID the bucket belongs to.",
            fixes: ["Use the bucket name with its APPID suffix: `name-1250000000`."]),
        c("MissingHost", [400], "The request has no Host header.", fixes: ["Send a Host header."]),
        c(
            "AuthorizationHeaderMalformed", [400],
            "The Authorization header is malformed (often: the wrong region in the scope).",
            fixes: ["Sign with the region the error names."], id: "auth.region-mismatch", services: "s3"),
        c(
            "AuthorizationQueryParametersError", [400],
            "The presigned URL's X-Amz-* parameters are malformed or out of range.",
            fixes: ["Presign with X-Amz-Expires of at most 604800 and every X-Amz-* parameter present."],
            id: "presign.expires-too-long", services: "s3"),
        c(
            "AuthorizationParametersError", [400], "The credential scope is malformed (wrong service or date).",
            fixes: ["Sign with service `s3` and the request's date in the scope."], id: "auth.malformed", services: "s3"
        ),
        c(
            "MissingFields", [400], "The Authorization header lacks required fields.",
            fixes: ["Send Credential, SignedHeaders and Signature."], id: "auth.malformed", services: "s3"),
        c(
            "MalformedDate", [400], "The date header is not in a valid format.",
            fixes: ["Send x-amz-date as yyyyMMddTHHmmssZ, or Date as an HTTP date."], id: "auth.malformed",
            services: "s3"),
        c(
            "XAmzContentSHA256Mismatch", [400], "The body does not hash to the signed x-amz-content-sha256.",
            id: "payload.content-sha256-mismatch", services: "s3"),
        c(
            "InvalidToken", [400], "The session token is malformed or invalid.", id: "access-key.invalid-token",
            services: "s3"),
        c("InvalidEncryptionAlgorithmError", [400], "The encryption algorithm is not supported.", services: "s3"),
        c("MetadataTooLarge", [400], "The user metadata is larger than allowed (2 KB).", services: "cos,s3"),
        c("MissingSecurityHeader", [400], "A required security header is missing.", services: "s3"),
        c("TooManyParts", [400], "The multipart upload has more parts than allowed (10000).", services: "s3"),
        c("InvalidStorageClass", [400], "The storage class is not valid.", faq: .changeStorageClass, services: "s3"),
        c(
            "IllegalLocationConstraintException", [400], "The bucket's region does not match the endpoint.",
            services: "s3"),
        c("KeyTooLongError", [400], "The object key is longer than allowed.", services: "s3"),
        // 402
        c("PaymentRequired", [402], "The account is in arrears; service is suspended.", fixes: ["Top up the account."]),
        // 403
        c(
            "AccessDenied", [403],
            "The server refused the request: no permission, an expired signature, or a rule on the bucket.",
            causes: [
                "\"Request has expired\": the signature window closed or the clock is off.",
                "No permission for the action, or anonymous access to a private bucket.",
                "A Referer or CORS rule, or a temporary key's policy.",
            ],
            fixes: ["See the message: each variant has its own fix."], id: "access-denied.permission",
            services: "cos,s3"),
        c(
            "AccessForbidden", [403], "The CORS rules refused the browser request.",
            fixes: ["Add a CORS rule for the origin, method and headers."], id: "access-denied.cors"),
        c(
            "InvalidAccessKeyId", [403], "The SecretId / access key id does not exist or is disabled.",
            id: "access-key.unknown-id", services: "cos,s3"),
        c(
            "InvaildAccessKeyId", [403], "The SecretId does not exist (older COS spelling).",
            id: "access-key.unknown-id"),
        c(
            "InvalidObjectState", [403, 409],
            "The object is archived (or in a state) that does not allow this operation.",
            id: "invalid-object-state.archived", services: "cos,s3"),
        c("NoProcessAuthority", [403], "The account has no permission for data processing on this bucket."),
        c(
            "RequestTimeTooSkewed", [403], "The request time is too far from the server's time (more than 15 minutes).",
            faq: .requestHasExpired, id: "clock-skew.request-time-too-skewed", services: "cos,s3"),
        c(
            "Request has expired", [403], "COS lists this as a code; on the wire it is the Message of AccessDenied.",
            faq: .requestHasExpired, id: "request-expired.signature-window"),
        c(
            "SignatureDoesNotMatch", [403], "The signature the server computed differs from the one sent.",
            causes: [
                "Wrong secret.", "A signed header or the key changed after signing.",
                "Path encoding (`+`, double encoding).",
            ],
            id: "signature-mismatch.unexplained", services: "cos,s3"),
        c("InvalidSecurity", [403], "The signature string is not valid.", id: "auth.malformed"),
        c(
            "UserNotSourceBucketOwner", [403], "The requester does not own the copy source bucket.",
            fixes: ["Grant read on the source bucket to the requester."]),
        c(
            "UserNotTargetBucketOwner", [403], "The requester does not own the target bucket.",
            fixes: ["Grant write on the target bucket to the requester."]),
        c("AllAccessDisabled", [403], "All access to this resource has been disabled.", services: "s3"),
        c("AccountProblem", [403], "There is a problem with the account that prevents the operation.", services: "s3"),
        // 404
        c("InventoryConfigurationNotFoundError", [404], "No inventory configuration with this id."),
        c("NoBucketQuotaPolicy", [404], "The bucket has no quota policy."),
        c(
            "NoSuchBucket", [404], "The bucket does not exist.", faq: .bucketRegion, id: "no-such-bucket.bucket-name",
            services: "cos,s3"),
        c(
            "NoSuchCopySource", [404], "The copy source does not exist.", faq: .copyNoSuchKey,
            id: "no-such-key.copy-source"),
        c("NoSuchCORSConfiguration", [404], "The bucket has no CORS configuration.", services: "cos,s3"),
        c("NoSuchEncryptionConfiguration", [404], "The bucket has no encryption configuration."),
        c("NoSuchJob", [404], "No batch job with this id."),
        c(
            "NoSuchKey", [404], "The object does not exist.", faq: .objectExists, id: "no-such-key.object",
            services: "cos,s3"),
        c("NoSuchLifecycleConfiguration", [404], "The bucket has no lifecycle configuration.", services: "cos,s3"),
        c("NoSuchObjectLockConfiguration", [404], "The bucket has no object lock configuration."),
        c("NoSuchPolicyVersion", [404], "No policy version with this id."),
        c("NoSuchTagSet", [404], "The resource has no tags.", services: "cos,s3"),
        c(
            "NoSuchUpload", [404, 400], "The multipart upload does not exist.", faq: .noSuchUploadOnUploadPart,
            id: "no-such-upload.unknown-upload-id", services: "cos,s3"),
        c("NoSuchVersion", [404], "No object version with this id.", services: "cos,s3"),
        c("NoSuchWebsiteConfiguration", [404], "The bucket has no static-website configuration.", services: "cos,s3"),
        c("OriginConfigurationNotFoundError", [404], "The bucket has no origin (back-to-source) configuration."),
        c(
            "ReplicationConfigurationNotFoundError", [404], "The bucket has no replication configuration.",
            services: "cos,s3"),
        c("NoSuchBucketPolicy", [404], "The bucket has no policy.", services: "s3"),
        // 405
        c("MethodNotAllowed", [405], "This method is not allowed on this resource.", services: "cos,s3"),
        c("RestoreNonArchiveObject", [405], "Only archived objects can be restored."),
        c("UploadIdNotSupported", [405], "uploadId is not supported here."),
        // 409
        c(
            "AppendPositionErr", [409, 400], "The append position does not equal the object's current length.",
            fixes: ["HEAD the object and append at its Content-Length (x-cos-next-append-position)."]),
        c(
            "BucketAlreadyExists", [409], "The bucket name is taken.", fixes: ["Choose another name."],
            services: "cos,s3"),
        c("BucketAlreadyOwnedByYou", [409], "You already own a bucket with this name.", services: "cos,s3"),
        c("BucketLocked", [409], "The bucket is locked."),
        c(
            "BucketNotEmpty", [409], "The bucket still holds objects (or versions or uploads).",
            fixes: ["Delete every object, version and incomplete upload first."], faq: .deleteIncompleteUpload,
            services: "cos,s3"),
        c("DomainConfigConflict", [409], "The domain configuration conflicts with an existing one."),
        c("InvalidBucketState", [409], "The bucket's state does not allow this operation.", services: "cos,s3"),
        c("InvalidLockedTime", [409], "The object lock time is not valid."),
        c("ObjectLocked", [409], "The object is locked (WORM) and cannot be changed."),
        c(
            "PathConflict", [409],
            "The key conflicts with an existing path (for example in a bucket with a file-system layout)."),
        c("QuotaConflict", [409], "The quota configuration conflicts with another."),
        c("QuotaOperationConfilct", [409], "Quota operations conflict (COS spells this code with the typo)."),
        c("RecordAlreadyExist", [409], "The record already exists."),
        c("RestoreAlreadyInProgress", [409], "A restore of this object is already running.", services: "cos,s3"),
        c("UploadConflict", [409], "Another upload to this key conflicts with this one."),
        c("ObjectNotAppendable", [409, 400], "The object was not created by append, so it cannot be appended to."),
        c(
            "OperationAborted", [409], "A conflicting operation is in progress on this resource.", fixes: retry,
            services: "s3"),
        // 411..451
        c(
            "MissingContentLength", [411], "The request needs Content-Length.",
            fixes: ["Send Content-Length (PUT/POST need it; chunked transfer encoding is not accepted)."],
            services: "cos,s3"),
        c("PreconditionFailed", [412], "An If-* precondition did not hold.", services: "cos,s3"),
        c(
            "InvalidRange", [416], "The Range is outside the object.", fixes: ["Ask for bytes within 0…size-1."],
            services: "cos,s3"),
        c("DomainAuditFailed", [451], "The custom domain did not pass the content audit."),
        c("UnavailableForLegalReasons", [451], "The content is blocked for legal reasons."),
        // 5xx
        c("InternalError", [500], "The server failed internally.", fixes: retry, services: "cos,s3"),
        c("KmsInternalException", [500], "KMS failed internally.", fixes: retry),
        c("NotImplemented", [501], "The feature is not implemented.", services: "cos,s3"),
        c("KmsFreqControl", [503], "KMS requests are being throttled.", fixes: retry),
        c("ServiceUnavailable", [503], "The service is temporarily unavailable.", fixes: retry, services: "cos,s3"),
        c(
            "SlowDown", [503], "Requests are too frequent for this resource.",
            fixes: ["Reduce the request rate and retry with exponential back-off."], services: "cos,s3"),
    ]
}
