#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One reusable scratch block per thread, so that signing writes into memory that is already
/// there instead of asking the allocator on every request. The block is freed when its thread ends.
@usableFromInline enum ThreadScratch {
    /// Usable bytes in each thread's block.
    @usableFromInline static let size = 8192
    /// The block starts with a busy flag (a nested borrow on the same thread gets nil), then the
    /// thread's key slot (`ThreadKeySlot`), then the scratch bytes.
    @usableFromInline static let headerBytes = 16 + ThreadKeySlot.slotBytes

    static let key: pthread_key_t = {
        var key = pthread_key_t()
        let rc = pthread_key_create(&key) { block in free(block) }
        precondition(rc == 0, "pthread_key_create failed: \(rc)")
        return key
    }()

    /// This thread's block, made on first use (busy flag clear, key slot empty); nil only when it
    /// cannot be made.
    @usableFromInline static func block() -> UnsafeMutableRawPointer? {
        if let block = pthread_getspecific(key) { return block }
        guard let fresh = malloc(headerBytes + size) else { return nil }
        fresh.storeBytes(of: false, as: Bool.self)
        fresh.storeBytes(of: 0, toByteOffset: ThreadKeySlot.offset, as: UInt64.self)
        guard pthread_setspecific(key, fresh) == 0 else {
            free(fresh)
            return nil
        }
        return fresh
    }

    /// This thread's block, marked busy, or nil when it is already borrowed (or cannot be made).
    @usableFromInline static func acquire() -> UnsafeMutableBufferPointer<UInt8>? {
        guard let block = block(), !block.load(as: Bool.self) else { return nil }
        block.storeBytes(of: true, as: Bool.self)
        return UnsafeMutableBufferPointer(
            start: (block + headerBytes).assumingMemoryBound(to: UInt8.self), count: size)
    }

    /// Gives the block back (the pointer `acquire` returned).
    @usableFromInline static func release(_ memory: UnsafeMutableBufferPointer<UInt8>) {
        (UnsafeMutableRawPointer(memory.baseAddress!) - headerBytes).storeBytes(of: false, as: Bool.self)
    }
}
