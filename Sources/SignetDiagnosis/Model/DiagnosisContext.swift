/// What the person knows besides the exchange itself.
public struct DiagnosisContext: Sendable {
    /// The client's clock when it sent the request (Unix seconds), if known.
    public var localTime: Double?
    /// Credentials for re-signing, if the person allows it.
    public var credentials: AccessKeyPair?
    /// When the temporary key expires (Unix seconds), if known.
    public var keyExpiration: Int64?
    /// "Now" for runnable fixes (fresh signatures); nil means the system clock.
    public var now: Double?

    /// Creates a context.
    public init(
        localTime: Double? = nil, credentials: AccessKeyPair? = nil, keyExpiration: Int64? = nil, now: Double? = nil
    ) {
        self.localTime = localTime
        self.credentials = credentials
        self.keyExpiration = keyExpiration
        self.now = now
    }
}
