import SignetCrypto
import SignetHTTP
import Synchronization

/// The secret's HMAC state, the fixed pieces of every signature, and the last derived signing key
/// (one day of the signer's region and service), shared by copies of a signer. Kept behind one
/// reference so that the signer itself stays a few words to copy.
///
/// The key is kept twice: once under a lock, shared by all threads, and once in each thread's
/// `ThreadKeySlot`, where signing reads it without a lock and without copying it out.
final class SigningKeyCache: Sendable {
    /// A day's signing key, its pre-keyed HMAC state and the day's `yyyyMMdd` digits: plain bytes.
    struct DayKey {
        let key: Digest
        let mac: HMACKey<SHA256>
        /// The 8 date digits, in memory order.
        let date: UInt64
    }

    private struct Entry {
        let day: Int64
        let value: DayKey
    }

    private let entry = Mutex<Entry?>(nil)
    /// This cache's label in the thread slots.
    private let owner = ThreadKeySlot.newOwner()
    /// The `"AWS4" + secret` HMAC state.
    let secretMAC: HMACKey<SHA256>
    let region: String
    let service: String
    /// The access key id.
    let accessKeyId: FixedBytes
    /// `/region/service/aws4_request` (the scope after its date).
    let scopeTail: FixedBytes
    /// `X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=` and the encoded key id with `%2F`: a
    /// presigned query up to the scope's date.
    let queryHead: FixedBytes
    /// The encoded scope tail and `&X-Amz-Date=`: the query from after the date to the time.
    let queryScopeTail: FixedBytes

    init(secretMAC: HMACKey<SHA256>, accessKeyId: String, region: String, service: String) {
        self.secretMAC = secretMAC
        self.region = region
        self.service = service
        self.accessKeyId = FixedBytes(accessKeyId)
        let tail = "/\(region)/\(service)/aws4_request"
        scopeTail = FixedBytes(tail)
        queryHead = FixedBytes(
            "X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=" + PercentEncoding.encode(accessKeyId) + "%2F")
        queryScopeTail = FixedBytes(PercentEncoding.encode(tail) + "&X-Amz-Date=")
    }

    deinit {
        for bytes in [accessKeyId, scopeTail, queryHead, queryScopeTail] { bytes.deallocate() }
    }

    /// Calls `body` with the key for `day` (days since 1970): this thread's copy, else the shared
    /// one, else derived now and shared. `body` must not sign (it would reuse the thread's slot).
    @inline(__always) func withKey<R>(day: Int64, _ body: (UnsafePointer<DayKey>) throws -> R) rethrows -> R {
        try ThreadKeySlot.withValue(owner: owner, tag: (day, 0), load: { shared(day: day) }, body)
    }

    /// The shared key for `day`, derived and stored when the entry holds another day.
    private func shared(day: Int64) -> DayKey {
        if let hit = lookup(day: day) { return hit }
        var digits = (UInt64(0), UInt64(0))
        withUnsafeMutableBytes(of: &digits) {
            UTCTime.writeAmzDateTime(day * 86_400, into: $0.baseAddress!.assumingMemoryBound(to: UInt8.self))
        }
        let date = withUnsafeBytes(of: digits.0) { String(decoding: $0, as: UTF8.self) }
        let key = SigV4Canonical.signingKey(secretMAC: secretMAC, date: date, region: region, service: service)
        let value = DayKey(key: key, mac: HMACKey(key: key), date: digits.0)
        entry.withLock { $0 = Entry(day: day, value: value) }
        return value
    }

    /// The shared key for `day`, or nil.
    func lookup(day: Int64) -> DayKey? {
        entry.withLock { e in e.flatMap { $0.day == day ? $0.value : nil } }
    }

    /// True when a key is shared (for tests).
    var isFilled: Bool { entry.withLock { $0 != nil } }
}
