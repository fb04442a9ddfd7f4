/// Where a request goes, as the signers read it, whichever way it was given: a wire URL
/// (`RequestURL`, with escapes to decode) or plain parts (`ObjectLocation`, nothing encoded).
public protocol RequestTarget: Sendable {
    /// True for `https`.
    var isHTTPS: Bool { get }
    /// True when path and query bytes are wire text (`%XX` escapes to decode); false when they are
    /// plain bytes that still have to be encoded.
    var isWireForm: Bool { get }
    /// The number of query items.
    var queryItemCount: Int { get }
    /// About how many bytes the target takes written out (for sizing buffers).
    var byteCountEstimate: Int { get }
    /// Calls `body` with the bytes of `host[:port]`, the value of the `Host` header.
    func withAuthority<R, E: Error>(_ body: (UnsafeRawBufferPointer) throws(E) -> R) throws(E) -> R
    /// Appends the decoded path: the object key with its leading `/`.
    /// - Throws: `SignetError` for a malformed escape.
    func appendDecodedPath(to out: inout ByteBuffer) throws
    /// Appends the path as it goes on the wire: a URL's raw path (`/` when it has none), or `/` and
    /// the key percent-encoded with `/` kept.
    func appendWirePath(to out: inout ByteBuffer)
    /// Calls `body` with the bytes of the wire path (see `appendWirePath`).
    func withWirePath<R>(_ body: (UnsafeRawBufferPointer) throws -> R) throws -> R
    /// Calls `body` with each query item's name and value (`nil` without `=`), in order, in this
    /// target's form (see `isWireForm`).
    func forEachQueryItem<E: Error>(
        _ body: (_ name: UnsafeRawBufferPointer, _ value: UnsafeRawBufferPointer?) throws(E) -> Void
    ) throws(E)
}

extension ByteBuffer {
    /// Appends a path or query piece of `target` percent-encoded canonically: decoded and encoded
    /// again when it is wire text, encoded when it is plain.
    @inlinable public mutating func appendEncoded(
        _ bytes: UnsafeRawBufferPointer, of target: some RequestTarget, field: @autoclosure () -> String
    ) throws {
        if target.isWireForm {
            try appendReencoded(bytes, field: field())
        } else {
            appendPercentEncoded(bytes)
        }
    }
}

extension RequestURL: RequestTarget {
    public var isWireForm: Bool { true }
    public var byteCountEstimate: Int { text.utf8.count }

    public func appendDecodedPath(to out: inout ByteBuffer) throws {
        try withRawPath { try out.appendDecoded($0, field: "url path") }
    }

    public func appendWirePath(to out: inout ByteBuffer) { withRawPath { out.append($0) } }

    public func withWirePath<R>(_ body: (UnsafeRawBufferPointer) throws -> R) throws -> R {
        try withRawPath { try body($0) }
    }
}

/// Calls `body` with the UTF-8 bytes of a string whose storage is contiguous (the caller made it so
/// with `makeContiguousUTF8`), passing `body`'s own error type through.
@inlinable func withContiguousUTF8<R, E: Error>(_ text: String, _ body: (UnsafeRawBufferPointer) throws(E) -> R)
    throws(E) -> R
{
    let result: Result<R, E> = text.utf8.withContiguousStorageIfAvailable { bytes in
        do throws(E) {
            return .success(try body(UnsafeRawBufferPointer(bytes)))
        } catch {
            return .failure(error)
        }
    }!
    return try result.get()
}
