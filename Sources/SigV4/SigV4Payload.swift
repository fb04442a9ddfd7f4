import SignetCrypto
import SignetHTTP

/// What the last line of the canonical request (and `x-amz-content-sha256`) says about the body.
public enum SigV4Payload: Sendable, Hashable {
    /// The SHA-256 of the request body (of the empty body when there is none).
    case bodySHA256
    /// `UNSIGNED-PAYLOAD`: the body is not covered (presigned URLs, large uploads over TLS).
    case unsigned
    /// `STREAMING-AWS4-HMAC-SHA256-PAYLOAD`: aws-chunked with a signature per chunk.
    case streamingSigned
    /// `STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER`: signed chunks plus signed trailing headers.
    case streamingSignedTrailer
    /// `STREAMING-UNSIGNED-PAYLOAD-TRAILER`: aws-chunked without chunk signatures, with trailers.
    case streamingUnsignedTrailer
    /// A SHA-256 the caller computed, as 64 lowercase hex digits.
    case precomputed(String)

    /// The constants S3 accepts besides a hex hash.
    public static let constants: [String] = [
        "UNSIGNED-PAYLOAD", "STREAMING-AWS4-HMAC-SHA256-PAYLOAD", "STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER",
        "STREAMING-UNSIGNED-PAYLOAD-TRAILER",
    ]

    /// Parses a payload setting: one of `constants`, or 64 hex digits (either case).
    /// - Throws: `SignetError` naming `payload` for anything else (SigV4a's ECDSA constants included).
    public init(parsing text: String) throws {
        switch text {
        case "UNSIGNED-PAYLOAD": self = .unsigned
        case "STREAMING-AWS4-HMAC-SHA256-PAYLOAD": self = .streamingSigned
        case "STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER": self = .streamingSignedTrailer
        case "STREAMING-UNSIGNED-PAYLOAD-TRAILER": self = .streamingUnsignedTrailer
        default:
            let allowed = SigV4Payload.constants.joined(separator: ", ") + ", or a 64-digit hex SHA-256"
            if text.hasPrefix("STREAMING-AWS4-ECDSA") {
                throw SignetError(
                    "payload", "\"\(text)\" belongs to SigV4a, which Signet does not sign", allowed: allowed)
            }
            guard text.utf8.count == 64, text.utf8.allSatisfy({ Hex.value($0) != nil }) else {
                throw SignetError(
                    "payload", "\"\(text)\" is neither a known constant nor a hex SHA-256", allowed: allowed)
            }
            self = .precomputed(text.lowercased())
        }
    }

    /// True for the aws-chunked modes whose chunks are signed.
    public var isSignedStreaming: Bool { self == .streamingSigned || self == .streamingSignedTrailer }

    /// The text for a body: a constant, the precomputed hash, or the SHA-256 of `body`.
    public func value(body: [UInt8]?) -> String {
        switch self {
        case .bodySHA256: return Hasher<SHA256>.hash(body ?? []).hex
        case .unsigned: return "UNSIGNED-PAYLOAD"
        case .streamingSigned: return "STREAMING-AWS4-HMAC-SHA256-PAYLOAD"
        case .streamingSignedTrailer: return "STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER"
        case .streamingUnsignedTrailer: return "STREAMING-UNSIGNED-PAYLOAD-TRAILER"
        case .precomputed(let hex): return hex
        }
    }

    /// The SHA-256 of the empty string, the payload hash of a request without a body.
    public static let emptySHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
}
