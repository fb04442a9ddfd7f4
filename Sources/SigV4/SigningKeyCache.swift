import SignetCrypto
import SignetHTTP
import Synchronization

/// The secret's HMAC state and the last derived signing key, shared by copies of a signer: one
/// entry keyed by (day, region, service), holding the pre-keyed HMAC state so that signing re-keys
/// nothing. Kept behind one reference so that the signer itself stays a few words to copy.
final class SigningKeyCache: Sendable {
    /// A cached key, a plain value: a hit copies the HMAC states (a few hundred bytes) and touches
    /// no shared reference count, so threads signing at once do not contend on it.
    struct Entry: Sendable {
        let day: Int64
        let region: String
        let service: String
        let key: Digest
        let mac: HMACKey<SHA256>

        init(day: Int64, region: String, service: String, key: Digest, mac: HMACKey<SHA256>) {
            self.day = day
            self.region = region
            self.service = service
            self.key = key
            self.mac = mac
        }
    }

    private let entry = Mutex<Entry?>(nil)
    /// The `"AWS4" + secret` HMAC state.
    let secretMAC: HMACKey<SHA256>
    /// The access key id, as is and percent-encoded.
    let accessKeyId: FixedBytes
    let accessKeyIdEncoded: FixedBytes
    /// `/region/service/aws4_request`, as is and percent-encoded (the scope after its date).
    let scopeTail: FixedBytes
    let scopeTailEncoded: FixedBytes

    init(secretMAC: HMACKey<SHA256>, accessKeyId: String, region: String, service: String) {
        self.secretMAC = secretMAC
        self.accessKeyId = FixedBytes(accessKeyId)
        self.accessKeyIdEncoded = FixedBytes(accessKeyId, encoded: true)
        let tail = "/\(region)/\(service)/aws4_request"
        scopeTail = FixedBytes(tail)
        scopeTailEncoded = FixedBytes(tail, encoded: true)
    }

    deinit {
        for bytes in [accessKeyId, accessKeyIdEncoded, scopeTail, scopeTailEncoded] { bytes.deallocate() }
    }

    /// The signing key and its HMAC state for a day and scope: a copy of the cached ones, or
    /// derived by `derive` and cached. Only plain bytes are copied out of the lock.
    func key(day: Int64, region: String, service: String, derive: (HMACKey<SHA256>) -> Digest)
        -> (key: Digest, mac: HMACKey<SHA256>)
    {
        let hit: (Digest, HMACKey<SHA256>)? = entry.withLock { e in
            guard let e, e.day == day, e.region == region, e.service == service else { return nil }
            return (e.key, e.mac)
        }
        if let hit { return hit }
        let digest = derive(secretMAC)
        let mac = HMACKey<SHA256>(key: digest)
        store(Entry(day: day, region: region, service: service, key: digest, mac: mac))
        return (digest, mac)
    }

    /// The cached key for a day and scope, or nil.
    func lookup(day: Int64, region: String, service: String) -> Entry? {
        entry.withLock { e in
            guard let e, e.day == day, e.region == region, e.service == service else { return nil }
            return e
        }
    }

    /// Replaces the cached entry.
    func store(_ e: Entry) { entry.withLock { $0 = e } }

    /// True when an entry is cached (for tests).
    var isFilled: Bool { entry.withLock { $0 != nil } }
}
