/// A fix as commands the person can run: signed curl commands or presigned URLs.
public struct RunnableFix: Sendable, Equatable {
    /// What the commands do.
    public var title: String
    /// The commands, in the order to run them (comments start with `#`).
    public var commands: [String]

    /// Creates a runnable fix.
    public init(title: String, commands: [String]) {
        self.title = title
        self.commands = commands
    }
}
