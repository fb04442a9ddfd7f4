/// An `<Error>` document from COS or an S3-compatible server, with every element kept.
public struct ServiceError: Sendable, Equatable {
    /// `Code`, e.g. `SignatureDoesNotMatch`.
    public var code: String
    /// `Message`.
    public var message: String?
    /// `Resource`: the bucket or object the server was working on.
    public var resource: String?
    /// `RequestId`.
    public var requestId: String?
    /// COS `TraceId`.
    public var traceId: String?
    /// S3 `HostId`.
    public var hostId: String?
    /// The server's string to sign (COS and AWS), exactly as sent after XML decoding.
    public var stringToSign: String?
    /// COS `FormatString`: the server's HttpString.
    public var formatString: String?
    /// AWS `CanonicalRequest`.
    public var canonicalRequest: String?
    /// AWS `SignatureProvided`.
    public var signatureProvided: String?
    /// AWS `AWSAccessKeyId`.
    public var accessKeyId: String?
    /// `ServerTime` (expiry errors).
    public var serverTime: String?
    /// `RequestTime` (skew errors).
    public var requestTime: String?
    /// `Expires` (expiry errors).
    public var expires: String?
    /// `X-Amz-Expires` (expiry errors).
    public var amzExpires: String?
    /// `MaxAllowedSkewMilliseconds` (skew errors).
    public var maxAllowedSkew: String?
    /// `UploadId` (NoSuchUpload).
    public var uploadId: String?
    /// `Key`.
    public var key: String?
    /// `BucketName`.
    public var bucketName: String?
    /// `Region` (wrong-region errors).
    public var region: String?
    /// Every other child element, in order, as (name, text).
    public var otherElements: [(name: String, value: String)]

    /// Elements read into named fields; everything else lands in `otherElements`.
    static let known: Set<String> = [
        "Code", "Message", "Resource", "RequestId", "TraceId", "HostId", "StringToSign", "FormatString",
        "CanonicalRequest", "SignatureProvided", "AWSAccessKeyId", "ServerTime", "RequestTime", "Expires",
        "X-Amz-Expires", "MaxAllowedSkewMilliseconds", "UploadId", "Key", "BucketName", "Region",
    ]

    /// Reads an `<Error>` element; nil when `node` is not one or has no `Code`.
    public init?(_ node: XMLNode) {
        guard node.localName == "Error", let code = node.childText("Code")?.trimmingWhitespace, !code.isEmpty else {
            return nil
        }
        func field(_ name: String) -> String? {
            guard let t = node.childText(name) else { return nil }
            return t.trimmingWhitespace.isEmpty ? nil : t
        }
        func trimmed(_ name: String) -> String? { field(name)?.trimmingWhitespace }
        self.code = code
        message = trimmed("Message")
        resource = trimmed("Resource")
        requestId = trimmed("RequestId")
        traceId = trimmed("TraceId")
        hostId = trimmed("HostId")
        stringToSign = field("StringToSign")
        formatString = field("FormatString")
        canonicalRequest = field("CanonicalRequest")
        signatureProvided = trimmed("SignatureProvided")
        accessKeyId = trimmed("AWSAccessKeyId")
        serverTime = trimmed("ServerTime")
        requestTime = trimmed("RequestTime")
        expires = trimmed("Expires")
        amzExpires = trimmed("X-Amz-Expires")
        maxAllowedSkew = trimmed("MaxAllowedSkewMilliseconds")
        uploadId = trimmed("UploadId")
        key = field("Key")
        bucketName = trimmed("BucketName")
        region = trimmed("Region")
        otherElements = node.children.filter { !ServiceError.known.contains($0.localName) }.map { ($0.name, $0.text) }
    }

    public static func == (lhs: ServiceError, rhs: ServiceError) -> Bool {
        lhs.code == rhs.code && lhs.message == rhs.message && lhs.requestId == rhs.requestId
            && lhs.stringToSign == rhs.stringToSign && lhs.formatString == rhs.formatString
            && lhs.canonicalRequest == rhs.canonicalRequest
            && lhs.otherElements.map(\.name) == rhs.otherElements.map(\.name)
    }
}

extension String {
    /// The string without leading and trailing whitespace of any kind.
    var trimmingWhitespace: String {
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s.removeFirst() }
        while let l = s.last, l.isWhitespace { s.removeLast() }
        return String(s)
    }
}
