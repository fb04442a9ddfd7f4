import Testing

@testable import SignetDiagnosis

struct CatalogueTests {
    /// The ids DIAGNOSIS.md makes mandatory.
    static let mandatory = [
        "request-expired.signature-window", "request-expired.local-clock", "request-expired.temporary-key",
        "clock-skew.request-time-too-skewed", "signature-mismatch.header-altered", "signature-mismatch.path-encoding",
        "signature-mismatch.wrong-secret", "no-such-upload.unknown-upload-id", "no-such-key.copy-source",
        "batch-delete.leading-slash-key", "batch-delete.per-key-error",
    ]

    @Test func everyMandatoryIdHasTextAndAFix() {
        for id in Self.mandatory {
            let e = FindingCatalogue.entry(id)
            #expect(e != nil, "\(id) missing")
            #expect(!(e?.fix.isEmpty ?? true), "\(id) has no fix")
            #expect((e?.cause.count ?? 0) > 30, "\(id) has no real cause")
        }
    }

    @Test func idsHaveTheAreaCauseShape() {
        let ids = FindingCatalogue.all.map(\.id) + ErrorCatalogue.all.map(\.findingId)
        for id in ids {
            let parts = id.split(separator: ".")
            #expect(parts.count == 2, "\(id)")
            #expect(id.allSatisfy { $0.isLowercase || $0.isNumber || $0 == "-" || $0 == "." }, "\(id)")
        }
        #expect(Set(FindingCatalogue.all.map(\.id)).count == FindingCatalogue.all.count)
    }

    @Test func everyCOSCodeOfTheDocumentedTableIsCatalogued() {
        let cos = [
            "ActionAccelerateNotSupported", "AttachmentFull", "BadDigest", "BadRquest", "BucketAccelerateNotEnabled",
            "BucketNameTooLong", "BucketVersionNotOpen", "DNSRecordVerifyFailed", "EntitySizeNotMatch",
            "EntityTooLarge",
            "EntityTooSmall", "ExpiredToken", "ImageResolutionExceed", "ImageTooLarge", "IncompleteBody",
            "IncorrectNumberOfFilesInPostRequest", "InvalidArgument", "InvalidBucketName", "InvalidCopySource",
            "InvalidDelimiter", "InvalidDigest", "InvalidImageFormat", "InvalidImageSource",
            "InvalidLocationConstraint",
            "InvalidObjectName", "InvalidPart", "InvalidPartOrder", "InvalidPicOperations", "InvalidPolicyDocument",
            "InvalidRegionName", "InvalidRequest", "InvalidSHA1Digest", "InvalidTag", "InvalidTargetBucketForLogging",
            "InvalidUploadStatus", "InvalidURI", "InventoryFull", "JsonAPINotSupportOnMAZBucket", "KeyTooLong",
            "KmsException", "KmsKeyDisabled", "KmsKeyNotExist", "ListPartUploadIdIsEmpty", "LoggingConfExists",
            "LoggingPrefixInvalid", "MalformedPolicy", "MalformedPOSTRequest", "MalformedXML",
            "MAZOperationNotSupportOnOAZBucket", "MissingRequestBodyError", "MultiAZFeatureNotSupport",
            "MultiBucketNotSupport", "NotifyRuleEventConflict", "NotifyRulePrefixConflict", "NotifyRuleSuffixConflict",
            "NotSupportedStorageClass", "OAZOperationNotSupportOnMAZBucket", "PolicyFull", "PolicyVersionFull",
            "RequestTimeout", "SsecDecryptHeaderInvalid", "SSEContentNotSupported", "SSEHeaderNotAllowed",
            "TargetBucketNameInvalid", "TooManyBuckets", "UnexpectedContent", "UserCnameInvalid", "UserNetworkTooSlow",
            "VerifyAlgorithmNotSupported", "WebsiteURLInvalid", "XMLSizeLimit", "PaymentRequired", "AccessDenied",
            "AccessForbidden", "InvalidAccessKeyId", "InvalidObjectState", "NoProcessAuthority", "RequestTimeTooSkewed",
            "Request has expired", "SignatureDoesNotMatch", "UserNotSourceBucketOwner", "UserNotTargetBucketOwner",
            "InventoryConfigurationNotFoundError", "NoBucketQuotaPolicy", "NoSuchBucket", "NoSuchCopySource",
            "NoSuchCORSConfiguration", "NoSuchEncryptionConfiguration", "NoSuchJob", "NoSuchKey",
            "NoSuchLifecycleConfiguration", "NoSuchObjectLockConfiguration", "NoSuchPolicyVersion", "NoSuchTagSet",
            "NoSuchUpload", "NoSuchVersion", "NoSuchWebsiteConfiguration", "OriginConfigurationNotFoundError",
            "ReplicationConfigurationNotFoundError", "MethodNotAllowed", "RestoreNonArchiveObject",
            "UploadIdNotSupported", "AppendPositionErr", "BucketAlreadyExists", "BucketAlreadyOwnedByYou",
            "BucketLocked",
            "BucketNotEmpty", "DomainConfigConflict", "InvalidBucketState", "InvalidLockedTime", "ObjectLocked",
            "PathConflict", "QuotaConflict", "QuotaOperationConfilct", "RecordAlreadyExist", "RestoreAlreadyInProgress",
            "UploadConflict", "ObjectNotAppendable", "MissingContentLength", "PreconditionFailed", "InvalidRange",
            "DomainAuditFailed", "UnavailableForLegalReasons", "InternalError", "KmsInternalException",
            "NotImplemented",
            "KmsFreqControl", "ServiceUnavailable", "SlowDown", "PermanentRedirect", "TemporaryRedirect",
        ]
        for code in cos {
            let e = ErrorCatalogue.entry(code: code)
            #expect(e != nil, "\(code) missing")
            #expect(!(e?.statuses.isEmpty ?? true))
            #expect(FindingCatalogue.entry(e?.findingId ?? "") != nil, "\(code) maps to an unknown finding")
        }
    }

    @Test func kebabCase() {
        #expect(ErrorCatalogue.kebab("EntityTooLarge") == "entity-too-large")
        #expect(ErrorCatalogue.kebab("MAZOperationNotSupportOnOAZBucket") == "maz-operation-not-support-on-oaz-bucket")
        #expect(ErrorCatalogue.kebab("InvalidSHA1Digest") == "invalid-sha1-digest")
    }
}
