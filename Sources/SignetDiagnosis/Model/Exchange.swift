/// One request/response pair to diagnose, with what the input readers noticed on the way.
public struct Exchange: Sendable {
    /// The request, when known.
    public var request: ExchangeRequest?
    /// The response, when known.
    public var response: ExchangeResponse?
    /// Where it came from, for people (`HAR entry 3`, `curl -v output`).
    public var label: String?
    /// Problems the input reader met; any note makes the diagnosis partial.
    public var inputNotes: [String]

    /// Creates an exchange.
    public init(
        request: ExchangeRequest? = nil, response: ExchangeResponse? = nil, label: String? = nil,
        inputNotes: [String] = []
    ) {
        self.request = request
        self.response = response
        self.label = label
        self.inputNotes = inputNotes
    }
}
