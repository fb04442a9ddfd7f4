import SignetCrypto
import SignetHTTP

/// Signs the chunks of an aws-chunked upload (`STREAMING-AWS4-HMAC-SHA256-PAYLOAD[-TRAILER]`):
/// each signature chains on the previous one, starting from the seed (the request's own
/// signature), ending with a signature of the empty final chunk and, with trailers, a signature of
/// the trailing headers.
public struct SigV4ChunkSigner: Sendable {
    /// The request time, `yyyyMMdd'T'HHmmss'Z'`.
    public let amzDate: String
    /// `yyyyMMdd/region/service/aws4_request`.
    public let credentialScope: String
    /// Whether trailing headers follow the final chunk.
    public let hasTrailer: Bool
    private let key: HMACKey<SHA256>
    /// The previous signature as 64 hex digits.
    private var previous: [UInt8]
    /// Whether the final (empty) chunk has been signed.
    public private(set) var finalChunkSigned = false
    /// Whether the trailer has been signed.
    public private(set) var trailerSigned = false

    /// Starts from a header-mode signature whose payload is a signed streaming constant.
    /// - Throws: `SignetError` naming `payload` for any other signature.
    public init(seed: SigV4Signature) throws {
        guard seed.mode == .header,
            seed.payloadHash == "STREAMING-AWS4-HMAC-SHA256-PAYLOAD"
                || seed.payloadHash == "STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER"
        else {
            throw SignetError(
                "payload", "chunk signatures need a header-mode seed signed with a signed streaming payload",
                allowed: "STREAMING-AWS4-HMAC-SHA256-PAYLOAD or STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER")
        }
        amzDate = seed.amzDate
        credentialScope = seed.credentialScope
        hasTrailer = seed.payloadHash.hasSuffix("-TRAILER")
        key = seed.signingKeyMAC
        previous = Array(seed.signature.utf8)
    }

    /// The signature the next chunk chains on (the seed at first), in hex.
    public var previousSignature: String { String(decoding: previous, as: UTF8.self) }

    /// The string to sign for a chunk whose SHA-256 is `chunkSHA256` (hex).
    public func stringToSign(chunkSHA256: String) -> String {
        SigV4Canonical.chunkStringToSign(
            amzDate: amzDate, scope: credentialScope, previousSignature: previousSignature, chunkSHA256: chunkSHA256)
    }

    /// Signs the next chunk and returns its signature as 64 hex digits. An empty chunk is the final
    /// one; nothing may be signed after it except the trailer.
    @discardableResult
    /// - Throws: `SignetError` when the final chunk has already been signed.
    public mutating func sign(chunk: UnsafeRawBufferPointer) throws -> [UInt8] {
        guard !finalChunkSigned else {
            throw SignetError(
                "chunk", "no chunk may follow the final (empty) chunk", allowed: "data chunks, then one empty chunk")
        }
        let chunkHash = Hasher<SHA256>.hash(chunk)
        var mac = key.start()
        mac.update("AWS4-HMAC-SHA256-PAYLOAD\n")
        mac.update(amzDate)
        mac.update("\n")
        mac.update(credentialScope)
        mac.update("\n")
        var line = [UInt8]()
        line.reserveCapacity(64 + 1 + 64 + 1 + 64)
        line.append(contentsOf: previous)
        line.append(0x0a)
        line.append(utf8: SigV4Payload.emptySHA256)
        line.append(0x0a)
        ByteWriting.appendHex(chunkHash, to: &line)
        mac.update(line)
        previous.removeAll(keepingCapacity: true)
        ByteWriting.appendHex(mac.finalize(), to: &previous)
        if chunk.isEmpty { finalChunkSigned = true }
        return previous
    }

    /// Signs the next chunk given as a byte collection; returns the hex signature.
    public mutating func sign<Bytes: Sequence<UInt8>>(chunk: Bytes) throws -> String {
        String(decoding: try Array(chunk).withUnsafeBytes { try sign(chunk: $0) }, as: UTF8.self)
    }

    /// The string to sign for trailing headers, chained on the final chunk's signature.
    public func trailerStringToSign(_ trailers: [(name: String, value: String)]) -> String {
        SigV4Canonical.trailerStringToSign(
            amzDate: amzDate, scope: credentialScope, previousSignature: previousSignature,
            canonicalTrailers: SigV4Canonical.canonicalTrailers(trailers))
    }

    /// Signs the trailing headers after the final chunk; returns the hex signature.
    /// - Throws: `SignetError` when the seed has no trailer or the final chunk is not signed yet.
    public mutating func signTrailer(_ trailers: [(name: String, value: String)]) throws -> String {
        guard hasTrailer else {
            throw SignetError(
                "trailer", "the request was signed without a trailer",
                allowed: "payload STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER")
        }
        guard finalChunkSigned, !trailerSigned else {
            throw SignetError(
                "trailer", "must be signed once, right after the final (empty) chunk",
                allowed: "data chunks, the final chunk, then the trailer")
        }
        let sts = trailerStringToSign(trailers)
        previous.removeAll(keepingCapacity: true)
        ByteWriting.appendHex(key.authenticate(sts), to: &previous)
        trailerSigned = true
        return previousSignature
    }
}
