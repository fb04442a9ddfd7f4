import SignetCrypto
import SignetHTTP

/// Frames data as an aws-chunked body with chunk signatures, in constant memory:
/// `hex(n);chunk-signature=<sig>\r\n<data>\r\n` per chunk, then the final empty chunk and, with a
/// trailer, the checksum line and `x-amz-trailer-signature`.
///
/// ```swift
/// let upload = try AWSChunkedUpload(decodedLength: size, trailer: .crc32c)
/// let seed = try signer.sign(request with upload.prepare(headers), payload: upload.payload)
/// var encoder = try AWSChunkedEncoder(upload: upload, seed: seed)
/// try encoder.encode(read: { buffer in file.read(into: buffer) }, write: { socket.send($0) })
/// ```
public struct AWSChunkedEncoder: Sendable {
    public let upload: AWSChunkedUpload
    /// The chunk signer, advanced as chunks are framed.
    public private(set) var signer: SigV4ChunkSigner
    private var crc = CRC32C()
    /// Data bytes framed so far.
    public private(set) var bytesIn: Int64 = 0
    /// The trailing header written after the final chunk, once it is written.
    public private(set) var trailerValue: (name: String, value: String)?
    private var finished = false

    /// An encoder for a layout, chained on the seed signature of the request.
    /// - Throws: `SignetError` when the seed's payload does not match the layout.
    public init(upload: AWSChunkedUpload, seed: SigV4Signature) throws {
        let signer = try SigV4ChunkSigner(seed: seed)
        guard signer.hasTrailer == (upload.trailer != nil) else {
            throw SignetError(
                "payload",
                "the seed was signed \(signer.hasTrailer ? "with" : "without") a trailer but the layout has \(upload.trailer == nil ? "none" : "one")",
                allowed: "sign the request with upload.payload")
        }
        self.upload = upload
        self.signer = signer
    }

    /// Frames one data chunk: exactly `chunkSize` bytes, except the last data chunk, which may be shorter.
    /// - Throws: `SignetError` for an empty or oversized chunk, or data beyond the decoded length.
    public mutating func appendChunk(_ data: UnsafeRawBufferPointer, to out: inout [UInt8]) throws {
        guard !finished, !data.isEmpty, data.count <= upload.chunkSize else {
            throw SignetError(
                "chunk", finished ? "comes after the final chunk" : "has \(data.count) bytes",
                allowed: "1 ... \(upload.chunkSize) bytes before the final chunk")
        }
        guard bytesIn + Int64(data.count) <= upload.decodedLength else {
            throw SignetError(
                "data", "is longer than the declared decoded length \(upload.decodedLength)",
                allowed: "exactly x-amz-decoded-content-length bytes")
        }
        bytesIn += Int64(data.count)
        if upload.trailer != nil { crc.update(data) }
        let signature = try signer.sign(chunk: data)
        ByteWriting.appendLowerHex(data.count, to: &out)
        out.append(contentsOf: AWSChunkedEncoder.chunkSignaturePrefix)
        out.append(contentsOf: signature)
        out.append(contentsOf: [0x0d, 0x0a])
        out.append(contentsOf: data)
        out.append(contentsOf: [0x0d, 0x0a])
    }

    /// Frames the final empty chunk, and the trailer when the layout has one.
    /// - Throws: `SignetError` when fewer bytes than the decoded length were framed.
    public mutating func appendFinal(to out: inout [UInt8]) throws {
        guard !finished else { throw SignetError("chunk", "the final chunk was already written") }
        guard bytesIn == upload.decodedLength else {
            throw SignetError(
                "data", "ended after \(bytesIn) bytes, short of the declared decoded length \(upload.decodedLength)",
                allowed: "exactly x-amz-decoded-content-length bytes")
        }
        finished = true
        let signature = try signer.sign(chunk: UnsafeRawBufferPointer(start: nil, count: 0))
        out.append(UInt8(ascii: "0"))
        out.append(contentsOf: AWSChunkedEncoder.chunkSignaturePrefix)
        out.append(contentsOf: signature)
        out.append(contentsOf: [0x0d, 0x0a])
        guard let trailer = upload.trailer else {
            out.append(contentsOf: [0x0d, 0x0a])
            return
        }
        let value = Base64.encode(crc.bigEndianBytes)
        trailerValue = (trailer.rawValue, value)
        let trailerSignature = try signer.signTrailer([(trailer.rawValue, value)])
        out.append(utf8: "\(trailer.rawValue):\(value)\r\nx-amz-trailer-signature:\(trailerSignature)\r\n\r\n")
    }

    /// Streams a whole body: `read` fills the buffer it is given and returns the byte count (0 at the
    /// end); `write` receives each framed piece. Memory stays at about one chunk.
    public mutating func encode(
        read: (UnsafeMutableRawBufferPointer) throws -> Int, write: (UnsafeRawBufferPointer) throws -> Void
    ) throws {
        let size = upload.chunkSize
        var chunk = [UInt8](repeating: 0, count: size)
        var framed = [UInt8]()
        framed.reserveCapacity(size + 128)
        var atEnd = false
        while !atEnd {
            var filled = 0
            while filled < size {
                let n = try chunk.withUnsafeMutableBytes {
                    try read(UnsafeMutableRawBufferPointer(rebasing: $0[filled...]))
                }
                if n <= 0 {
                    atEnd = true
                    break
                }
                filled += n
            }
            if filled > 0 {
                framed.removeAll(keepingCapacity: true)
                try chunk.withUnsafeBytes {
                    try appendChunk(UnsafeRawBufferPointer(rebasing: $0[0..<filled]), to: &framed)
                }
                try framed.withUnsafeBytes { try write($0) }
            }
        }
        framed.removeAll(keepingCapacity: true)
        try appendFinal(to: &framed)
        try framed.withUnsafeBytes { try write($0) }
    }

    private static let chunkSignaturePrefix: [UInt8] = Array(";chunk-signature=".utf8)
}
