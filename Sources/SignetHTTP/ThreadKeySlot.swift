import Synchronization

/// One slot per thread for the value a signer caches per key (a pre-keyed HMAC state and what
/// goes with it): reading it takes no lock and writes nothing shared, so threads signing at once
/// do not contend, and the value is used where it lies instead of being copied out of a lock.
///
/// A value must be plain bytes (no references), at most `capacity` of them. The slot holds one
/// value at a time, labelled with its owner (a number from `newOwner()`, never reused) and a tag
/// (what the value was made for, such as a day). A signer keeps its shared, locked cache as well;
/// the slot is a copy of it that this thread can read for free.
public enum ThreadKeySlot {
    /// Bytes reserved per thread: owner, two tag words and the value.
    @usableFromInline static let slotBytes = 512
    /// Where the slot starts in the thread's block (after the scratch busy flag).
    @usableFromInline static let offset = 16
    /// Where the value starts in the slot: after owner and tag, 16-byte aligned.
    @usableFromInline static let valueOffset = 32
    /// The largest value the slot can hold.
    public static let capacity = slotBytes - valueOffset

    private static let owners = Atomic<UInt64>(0)

    /// A fresh owner number (never 0, which marks an empty slot).
    public static func newOwner() -> UInt64 { owners.wrappingAdd(1, ordering: .relaxed).newValue }

    /// Calls `body` with this thread's copy of `owner`'s value for `tag`. When the slot holds
    /// anything else, `load` makes the value and the slot keeps it. `body` must not sign (another
    /// signer on this thread would overwrite the slot).
    @inlinable public static func withValue<T, R>(
        owner: UInt64, tag: (Int64, Int64), load: () -> T, _ body: (UnsafePointer<T>) throws -> R
    ) rethrows -> R {
        // Plain bytes only: the slot is overwritten and freed without running any deinit.
        precondition(_isPOD(T.self), "a slot value must hold no references")
        precondition(MemoryLayout<T>.size <= capacity && MemoryLayout<T>.alignment <= 16, "value too large")
        guard let block = ThreadScratch.block() else {
            var value = load()
            return try body(&value)
        }
        let slot = block + offset
        let value = (slot + valueOffset).assumingMemoryBound(to: T.self)
        if slot.load(as: UInt64.self) != owner || slot.load(fromByteOffset: 8, as: Int64.self) != tag.0
            || slot.load(fromByteOffset: 16, as: Int64.self) != tag.1
        {
            slot.storeBytes(of: 0, as: UInt64.self)  // empty while it is being filled
            (slot + valueOffset).initializeMemory(as: T.self, to: load())
            slot.storeBytes(of: tag.0, toByteOffset: 8, as: Int64.self)
            slot.storeBytes(of: tag.1, toByteOffset: 16, as: Int64.self)
            slot.storeBytes(of: owner, as: UInt64.self)
        }
        return try body(value)
    }
}
