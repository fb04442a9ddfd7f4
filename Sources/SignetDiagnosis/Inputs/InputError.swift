/// Input Signet cannot read as a request, response, curl command or HAR file: what and why.
public struct InputError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Which input (`--curl`, `HAR file`, `response`).
    public let input: String
    /// What is wrong, for people.
    public let problem: String

    /// Creates an error.
    public init(_ input: String, _ problem: String) {
        self.input = input
        self.problem = problem
    }

    public var description: String { "\(input): \(problem)" }

    /// Largest input read (16 MiB): larger files are refused, not truncated silently.
    public static let maxInputBytes = 16 << 20

    /// Throws when `bytes` is over the cap.
    public static func checkSize(_ bytes: [UInt8], input: String) throws {
        guard bytes.count <= maxInputBytes else {
            throw InputError(input, "is \(bytes.count) bytes; Signet reads at most \(maxInputBytes) (16 MiB)")
        }
    }
}
