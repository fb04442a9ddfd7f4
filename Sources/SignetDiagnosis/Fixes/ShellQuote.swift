/// Quoting for the shell commands Signet prints.
enum ShellQuote {
    /// `'text'`, with embedded single quotes closed and escaped.
    static func single(_ text: String) -> String { "'" + text.replacingAll("'", with: "'\\''") + "'" }
}
