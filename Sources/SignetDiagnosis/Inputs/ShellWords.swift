/// Splits a shell command line into words the way a POSIX shell would for a plain command:
/// single and double quotes, `$'…'`, backslash escapes and line continuations. Stops at an
/// unquoted `|`, `;`, `&&` or `>` (the rest is another command).
enum ShellWords {
    /// The words, or an error for an unterminated quote.
    static func split(_ text: String) throws -> [String] {
        var words: [String] = []
        var current = ""
        var inWord = false
        var chars = Array(text)
        // Windows cmd continuation (`^` at end of line) is treated like `\`.
        var i = 0
        chars = chars.map { $0 == "\r\n" ? "\n" : $0 }
        func flush() {
            if inWord { words.append(current) }
            current = ""
            inWord = false
        }
        /// Reads a quoted run from `i` (past the opening quote) through the closing `close`.
        /// `escape` gives what a backslash and the next character stand for, or nil to keep the
        /// backslash literal.
        func quoted(_ close: Character, _ kind: String, escape: (Character) -> String? = { _ in nil }) throws {
            inWord = true
            while i < chars.count, chars[i] != close {
                if chars[i] == "\\", i + 1 < chars.count, let e = escape(chars[i + 1]) {
                    current += e
                    i += 2
                    continue
                }
                current.append(chars[i])
                i += 1
            }
            guard i < chars.count else { throw InputError("curl command", "a \(kind) quote is never closed") }
            i += 1
        }
        while i < chars.count {
            let c = chars[i]
            switch c {
            case " ", "\t", "\n", "\r":
                flush()
                i += 1
            case "\\":
                if i + 1 < chars.count {
                    if chars[i + 1] == "\n" || chars[i + 1] == "\r" {
                        i += 2
                        if i < chars.count, chars[i - 1] == "\r", chars[i] == "\n" { i += 1 }
                    } else {
                        current.append(chars[i + 1])
                        inWord = true
                        i += 2
                    }
                } else {
                    i += 1
                }
            case "'":
                i += 1
                try quoted("'", "single")
            case "\"":
                i += 1
                // A backslash escapes only `"`, `\`, `$`, a backquote and a newline (which it removes).
                try quoted("\"", "double") { "\"\\$`\n".contains($0) ? ($0 == "\n" ? "" : String($0)) : nil }
            case "$" where i + 1 < chars.count && chars[i + 1] == "'":
                i += 2
                try quoted("'", "$'…'") {
                    switch $0 {
                    case "n": "\n"
                    case "r": "\r"
                    case "t": "\t"
                    default: String($0)
                    }
                }
            case "^" where i + 1 < chars.count && (chars[i + 1] == "\n" || chars[i + 1] == "\r"):
                i += 2
            case "|", ";", ">":
                flush()
                return words
            case "&" where i + 1 < chars.count && chars[i + 1] == "&":
                flush()
                return words
            default:
                current.append(c)
                inWord = true
                i += 1
            }
        }
        flush()
        return words
    }
}
