import SigV4
import SignetCrypto
import SignetHTTP
import Testing

/// aws-chunked against the AWS streaming examples (66560 × "a" in 64 KiB chunks), with and without
/// a CRC32C trailer, plus the framing writer and the Content-Length formula.
struct AWSChunkedTests {
    static let time: Int64 = 1_369_353_600
    static let data = [UInt8](repeating: UInt8(ascii: "a"), count: 66_560)

    static func seed(trailer: Bool) throws -> (SigV4Signature, AWSChunkedUpload) {
        let upload = try AWSChunkedUpload(decodedLength: 66_560, trailer: trailer ? .crc32c : nil)
        var settings = try SigV4Settings(region: "us-east-1")
        settings.signedHeaders =
            trailer
            ? .exactly([
                "content-encoding", "host", "x-amz-content-sha256", "x-amz-date", "x-amz-decoded-content-length",
                "x-amz-storage-class", "x-amz-trailer",
            ]) : .standard
        let signer = SigV4Signer(
            credentials: try SigV4Credentials(
                accessKeyId: "AKIAIOSFODNN7EXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"),
            settings: settings)
        let headers = try upload.prepare([("x-amz-storage-class", "REDUCED_REDUNDANCY")])
        let request = try SigningRequest(
            method: "PUT", url: "https://s3.amazonaws.com/examplebucket/chunkObject.txt", headers: headers)
        return (try signer.sign(request, payload: upload.payload, at: time), upload)
    }

    @Test func seedAndChunkSignatures() throws {
        let (seed, upload) = try Self.seed(trailer: false)
        #expect(upload.encodedLength == 66_824)
        #expect(seed.signature == "4f232c4386841ef735655705268965c44a0e4690baa4adea153f7db9fa80a0a9")
        var chunks = try SigV4ChunkSigner(seed: seed)
        #expect(
            try chunks.sign(chunk: Self.data[0..<65_536])
                == "ad80c730a21e5b8d04586a2213dd63b9a0e99e0e2307b0ade35a65485a288648")
        #expect(
            try chunks.sign(chunk: Self.data[65_536...])
                == "0055627c9e194cb4542bae2aa5492e3c1575bbb81b612b7d234b86a503ef5497")
        #expect(try chunks.sign(chunk: []) == "b6c6ea8a5354eaf15b3cb7646744f4275b71ea724fed81ceb9323e279d449df9")
        #expect(throws: SignetError.self) { try chunks.sign(chunk: [1]) }
        #expect(throws: SignetError.self) { try chunks.signTrailer([]) }
    }

    @Test func trailerVariant() throws {
        let (seed, upload) = try Self.seed(trailer: true)
        #expect(seed.signature == "106e2a8a18243abcf37539882f36619c00e2dfc72633413f02d3b74544bfeb8e")
        #expect(upload.encodedLength == 66_946)
        var chunks = try SigV4ChunkSigner(seed: seed)
        #expect(
            try chunks.sign(chunk: Self.data[0..<65_536])
                == "b474d8862b1487a5145d686f57f013e54db672cee1c953b3010fb58501ef5aa2")
        #expect(
            try chunks.sign(chunk: Self.data[65_536...])
                == "1c1344b170168f8e65b41376b44b20fe354e373826ccbbe2c1d40a8cae51e5c7")
        #expect(try chunks.sign(chunk: []) == "2ca2aba2005185cf7159c6277faf83795951dd77a3a99e6e65d5c9f85863f992")
        #expect(
            try chunks.signTrailer([("x-amz-checksum-crc32c", "sOO8/Q==")])
                == "d81f82fc3505edab99d459891051a732e8730629a2e4a59689829ca17fe2e435")
    }

    @Test(arguments: [false, true])
    func encoderFramesExactlyTheFormulaLengthWithTinyReads(trailer: Bool) throws {
        let (seed, upload) = try Self.seed(trailer: trailer)
        var encoder = try AWSChunkedEncoder(upload: upload, seed: seed)
        var out = [UInt8]()
        var position = 0
        var writes = 0
        try encoder.encode(
            read: { buffer in
                // Short reads (at most 1000 bytes) must still give full 64 KiB chunks.
                let n = min(buffer.count, 1000, Self.data.count - position)
                Self.data.withUnsafeBytes {
                    buffer.copyMemory(from: UnsafeRawBufferPointer(rebasing: $0[position..<(position + n)]))
                }
                position += n
                return n
            },
            write: {
                out.append(contentsOf: $0)
                writes += 1
            })
        #expect(writes == 3)
        #expect(Int64(out.count) == upload.encodedLength)
        let text = String(decoding: out, as: UTF8.self)
        if trailer {
            #expect(
                text.hasPrefix(
                    "10000;chunk-signature=b474d8862b1487a5145d686f57f013e54db672cee1c953b3010fb58501ef5aa2\r\naaaa"))
            #expect(
                text.hasSuffix(
                    "\r\n0;chunk-signature=2ca2aba2005185cf7159c6277faf83795951dd77a3a99e6e65d5c9f85863f992\r\n"
                        + "x-amz-checksum-crc32c:sOO8/Q==\r\n"
                        + "x-amz-trailer-signature:d81f82fc3505edab99d459891051a732e8730629a2e4a59689829ca17fe2e435\r\n\r\n"
                ))
        } else {
            #expect(
                text.contains(
                    "aaaa\r\n400;chunk-signature=0055627c9e194cb4542bae2aa5492e3c1575bbb81b612b7d234b86a503ef5497\r\n"))
            #expect(
                text.hasSuffix(
                    "\r\n0;chunk-signature=b6c6ea8a5354eaf15b3cb7646744f4275b71ea724fed81ceb9323e279d449df9\r\n\r\n"))
        }
    }

    @Test func lengthsMustMatchTheDeclaredLayout() throws {
        let (seed, upload) = try Self.seed(trailer: false)
        var encoder = try AWSChunkedEncoder(upload: upload, seed: seed)
        var out = [UInt8]()
        try Self.data[0..<1000].withUnsafeBytes { try encoder.appendChunk($0, to: &out) }
        #expect(throws: SignetError.self) { try encoder.appendFinal(to: &out) }
        #expect(throws: SignetError.self) { try AWSChunkedUpload(decodedLength: 1, chunkSize: 100) }
        #expect { try upload.prepare([("Content-Length", "5")]) } throws: {
            String(describing: $0).contains("Content-Length")
        }
        let (trailerSeed, _) = try Self.seed(trailer: true)
        #expect(throws: SignetError.self) { try AWSChunkedEncoder(upload: upload, seed: trailerSeed) }
    }

    @Test func encodedLengthFormula() {
        #expect(AWSChunkedUpload.encodedLength(decodedLength: 0, chunkSize: 65_536) == 86)
        #expect(AWSChunkedUpload.encodedLength(decodedLength: 65_536, chunkSize: 65_536) == 65_626 + 86)
        #expect(
            AWSChunkedUpload.encodedLength(
                decodedLength: 66_560, chunkSize: 65_536, trailers: [("x-amz-checksum-crc32c", 8)]) == 66_946)
    }

    @Test func aSeedWithoutAStreamingPayloadIsRefused() throws {
        let signer = SigV4Signer(
            credentials: try SigV4Credentials(accessKeyId: "AK", secretAccessKey: "s"),
            settings: try SigV4Settings(region: "us-east-1"))
        let s = try signer.sign(try SigningRequest(method: "PUT", url: "https://h/k"), at: Self.time)
        #expect { try SigV4ChunkSigner(seed: s) } throws: { String(describing: $0).contains("payload") }
    }
}
