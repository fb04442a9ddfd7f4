import SignetCrypto
import SignetHTTP

extension ByteBuffer {
    /// Appends the 16 bytes of a request time.
    @inline(__always) mutating func append(dateTime time: AmzTime) {
        time.withDateTime { append($0) }
    }

    /// Appends the 8 bytes of a request date.
    @inline(__always) mutating func append(date time: AmzTime) {
        time.withDate { append($0) }
    }

    /// Appends the lowercase hex of a digest.
    @inline(__always) mutating func appendHex(_ digest: Digest) {
        digest.withUnsafeBytes { appendLowercaseHex($0) }
    }
}
