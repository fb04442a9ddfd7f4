/// A question of the COS API FAQ that a finding relates to, named in Signet's own words.
///
/// `id` is stable; `topic` paraphrases the question so a person can find it in the FAQ.
public enum FAQQuestion: String, Sendable, CaseIterable {
    case requestHasExpired = "faq.request-has-expired"
    case deleteIncompleteUpload = "faq.delete-incomplete-upload"
    case batchDeleteSucceededButObjectRemains = "faq.batch-delete-object-remains"
    case noSuchUploadOnUploadPart = "faq.no-such-upload"
    case changeStorageClass = "faq.change-storage-class"
    case permanentSignature = "faq.permanent-signature"
    case objectSize = "faq.object-size"
    case renameObject = "faq.rename-object"
    case bucketRegion = "faq.bucket-region"
    case createFolder = "faq.create-folder"
    case deleteFolder = "faq.delete-folder"
    case storageTier = "faq.storage-tier"
    case objectExists = "faq.object-exists"
    case downloadAsAttachment = "faq.download-as-attachment"
    case copyNoSuchKey = "faq.copy-no-such-key"
    case s3Compatibility = "faq.s3-compatibility"

    /// The FAQ question, paraphrased.
    public var topic: String {
        switch self {
        case .requestHasExpired: "An API call fails with \"Request has expired\": what now?"
        case .deleteIncompleteUpload: "Removing an object whose upload never finished"
        case .batchDeleteSucceededButObjectRemains: "Batch delete answers success, yet the object is still there"
        case .noSuchUploadOnUploadPart: "UploadPart answers \"NoSuchUpload\""
        case .changeStorageClass: "Changing an object's storage class through the API"
        case .permanentSignature: "Can a COS signature be made permanent?"
        case .objectSize: "Finding an object's size through the API"
        case .renameObject: "Renaming an object through the API"
        case .bucketRegion: "Finding a bucket's domain and region through the API"
        case .createFolder: "Creating a folder through the API"
        case .deleteFolder: "Deleting a folder through the API"
        case .storageTier: "Which tier an INTELLIGENT_TIERING object sits in"
        case .objectExists: "Checking whether an object exists"
        case .downloadAsAttachment: "Making GET Object return the content as an attachment"
        case .copyNoSuchKey: "PUT Object - Copy answers \"NoSuchKey\""
        case .s3Compatibility: "Whether COS speaks the S3 protocol"
        }
    }

    /// `COS API FAQ: <topic>`.
    public var reference: String { "COS API FAQ — \(topic)" }
}
