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
                inWord = true
                i += 1
                while i < chars.count, chars[i] != "'" {
                    current.append(chars[i])
                    i += 1
                }
                guard i < chars.count else { throw InputError("curl command", "a single quote is never closed") }
                i += 1
            case "\"":
                inWord = true
                i += 1
                while i < chars.count, chars[i] != "\"" {
                    if chars[i] == "\\", i + 1 < chars.count, "\"\\$`\n".contains(chars[i + 1]) {
                        if chars[i + 1] != "\n" { current.append(chars[i + 1]) }
                        i += 2
                        continue
                    }
                    current.append(chars[i])
                    i += 1
                }
                guard i < chars.count else { throw InputError("curl command", "a double quote is never closed") }
                i += 1
            case "$" where i + 1 < chars.count && chars[i + 1] == "'":
                inWord = true
                i += 2
                while i < chars.count, chars[i] != "'" {
                    if chars[i] == "\\", i + 1 < chars.count {
                        let e = chars[i + 1]
                        switch e {
                        case "n": current.append("\n")
                        case "r": current.append("\r")
                        case "t": current.append("\t")
                        default: current.append(e)
                        }
                        i += 2
                        continue
                    }
                    current.append(chars[i])
                    i += 1
                }
                guard i < chars.count else { throw InputError("curl command", "a $'…' quote is never closed") }
                i += 1
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
