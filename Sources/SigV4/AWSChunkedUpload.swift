import SignetHTTP

/// The layout of an aws-chunked upload: chunk size, decoded length and trailer, from which follow
/// the encoded `Content-Length` and the request fields S3 expects.
public struct AWSChunkedUpload: Sendable, Hashable {
    /// A checksum sent as a trailing header after the final chunk.
    public enum Trailer: String, Sendable, Hashable {
        /// `x-amz-checksum-crc32c`: base64 of the big-endian CRC-32C of the decoded data.
        case crc32c = "x-amz-checksum-crc32c"

        /// The length of the base64 value.
        public var valueLength: Int { 8 }
    }

    /// The smallest chunk S3 accepts (every chunk but the last).
    public static let minimumChunkSize = 8 * 1024
    /// The largest chunk size this encoder allows.
    public static let maximumChunkSize = 16 * 1024 * 1024

    /// Bytes of data per chunk (the last data chunk may be shorter).
    public let chunkSize: Int
    /// The length of the data before encoding (`x-amz-decoded-content-length`).
    public let decodedLength: Int64
    /// The trailing checksum, if any.
    public let trailer: Trailer?

    /// A layout.
    /// - Throws: `SignetError` for a chunk size outside 8 KiB…16 MiB or a negative length.
    public init(decodedLength: Int64, chunkSize: Int = 65_536, trailer: Trailer? = nil) throws {
        guard chunkSize >= AWSChunkedUpload.minimumChunkSize, chunkSize <= AWSChunkedUpload.maximumChunkSize else {
            throw SignetError(
                "chunkSize", "\(chunkSize) bytes is outside what S3 accepts",
                allowed:
                    "\(AWSChunkedUpload.minimumChunkSize) ... \(AWSChunkedUpload.maximumChunkSize) bytes (64 KiB is usual)"
            )
        }
        guard decodedLength >= 0 else {
            throw SignetError("decoded length", "is negative", allowed: "0 or more bytes")
        }
        self.chunkSize = chunkSize
        self.decodedLength = decodedLength
        self.trailer = trailer
    }

    /// The payload constant to sign the request with.
    public var payload: SigV4Payload { trailer == nil ? .streamingSigned : .streamingSignedTrailer }

    /// The length of the encoded body (the `Content-Length` to send).
    public var encodedLength: Int64 {
        AWSChunkedUpload.encodedLength(
            decodedLength: decodedLength, chunkSize: chunkSize,
            trailers: trailer.map { [(name: $0.rawValue, valueLength: $0.valueLength)] } ?? [])
    }

    /// The encoded length: per data chunk of n bytes `len(hex(n)) + 17 + 64 + 2 + n + 2`, then the final
    /// chunk: 86 bytes without trailers; with them `84 + Σ(len(name:value) + 2) + 90 + 2`.
    public static func encodedLength(
        decodedLength: Int64, chunkSize: Int, trailers: [(name: String, valueLength: Int)] = []
    ) -> Int64 {
        func framed(_ n: Int64) -> Int64 { Int64(ByteWriting.lowerHexCount(Int(n))) + 17 + 64 + 2 + n + 2 }
        let size = Int64(chunkSize)
        let full = decodedLength / size
        let rest = decodedLength % size
        var total = full * framed(size) + (rest > 0 ? framed(rest) : 0)
        if trailers.isEmpty {
            total += 86
        } else {
            total += 84
            for t in trailers { total += Int64(t.name.utf8.count + 1 + t.valueLength + 2) }
            total += 90 + 2
        }
        return total
    }

    /// The fields the request needs: `Content-Encoding: aws-chunked`, `x-amz-decoded-content-length`,
    /// `Content-Length` and, with a trailer, `x-amz-trailer`. A field already present is kept when it
    /// agrees and never added twice.
    /// - Throws: `SignetError` when a present field disagrees with the layout.
    public func prepare(_ headers: HTTPHeaders) throws -> HTTPHeaders {
        var out = headers
        func ensure(_ name: String, _ value: String, contains: Bool = false) throws {
            let present = headers.values(name)
            if present.isEmpty {
                out.append(name, value)
                return
            }
            let ok = present.contains { v in
                contains
                    ? v.split(separator: ",").contains { String($0).trimmingSpaces == value }
                    : v.trimmingSpaces == value
            }
            guard ok else {
                throw SignetError(
                    "header \"\(name)\"",
                    "says \"\(present.joined(separator: ","))\" but the aws-chunked layout needs \"\(value)\"",
                    allowed: "leaving the field out (it is computed) or the same value")
            }
        }
        try ensure("Content-Encoding", "aws-chunked", contains: true)
        try ensure("x-amz-decoded-content-length", String(decodedLength))
        try ensure("Content-Length", String(encodedLength))
        if let trailer { try ensure("x-amz-trailer", trailer.rawValue) }
        return out
    }
}
