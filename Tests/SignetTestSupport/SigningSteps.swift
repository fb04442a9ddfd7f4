/// SplitMix64: a small deterministic generator, so that a failing random test can be reproduced.
public struct SplitMix64: Sendable {
    public var state: UInt64

    public init(state: UInt64) { self.state = state }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// One step of an interleaved signing test: which signer, which time (a day or a window), which
/// URL, and query or header mode (indices into the test's own tables).
public struct SigningStep: Sendable, Hashable {
    public var signer: Int
    public var time: Int
    public var url: Int
    public var header: Bool

    public init(signer: Int, time: Int, url: Int, header: Bool) {
        self.signer = signer
        self.time = time
        self.url = url
        self.header = header
    }

    /// A seeded interleaving that switches signer, time and mode often: first a strict round robin
    /// over the signers at one time, then over the times, then random steps up to `count`.
    public static func interleaving(signers: Int, times: Int, urls: Int, count: Int, seed: UInt64) -> [SigningStep] {
        var random = SplitMix64(state: seed)
        func next() -> Int { Int(truncatingIfNeeded: random.next() >> 1) }
        var out: [SigningStep] = []
        for i in 0..<signers * 4 {
            out.append(SigningStep(signer: i % signers, time: 0, url: 0, header: false))
        }
        for i in 0..<times * 4 {
            out.append(SigningStep(signer: i % 2, time: i % times, url: 0, header: i % 3 == 0))
        }
        while out.count < count {
            out.append(
                SigningStep(signer: next() % signers, time: next() % times, url: next() % urls, header: next() % 3 == 0)
            )
        }
        return out
    }
}
