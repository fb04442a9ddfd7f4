/// A small, safe XML reader for storage-service bodies (error documents, `DeleteResult`, `<Delete>`).
///
/// It never reads a DTD and expands no entity beyond `&amp; &lt; &gt; &quot; &apos;` and numeric
/// character references; input size, nesting depth and element count are capped. Unknown elements
/// are kept. On a truncated body it can still return what was read (`parsePartial`).
public enum SafeXMLParser {
    /// What `parsePartial` recovered: the root (possibly incomplete) and the problem, if any.
    public struct Outcome: Sendable {
        /// The root element, complete or as far as it was read.
        public let root: XMLNode?
        /// Why reading stopped early; nil for a well-formed document.
        public let error: XMLParseError?
    }

    /// Parses a complete, well-formed document.
    /// - Throws: `XMLParseError`.
    public static func parse(_ bytes: [UInt8], limits: XMLLimits = .standard) throws -> XMLNode {
        let outcome = parsePartial(bytes, limits: limits)
        if let error = outcome.error { throw error }
        guard let root = outcome.root else { throw XMLParseError(.empty, at: 0, "no root element") }
        return root
    }

    /// Parses a string.
    public static func parse(_ text: String, limits: XMLLimits = .standard) throws -> XMLNode {
        try parse(Array(text.utf8), limits: limits)
    }

    /// Parses as far as possible. A truncated document yields the elements read so far (open
    /// elements are closed) together with the error; refused input (DTD, size, depth) yields no root.
    public static func parsePartial(_ bytes: [UInt8], limits: XMLLimits = .standard) -> Outcome {
        guard bytes.count <= limits.maxBytes else {
            return Outcome(
                root: nil,
                error: XMLParseError(
                    .tooLarge, at: limits.maxBytes, "the body is \(bytes.count) bytes; the cap is \(limits.maxBytes)"))
        }
        var reader = Reader(bytes: bytes, limits: limits)
        do {
            let root = try reader.document()
            return Outcome(root: root, error: nil)
        } catch let error as XMLParseError {
            let salvage: Bool = error.kind == .truncated || error.kind == .malformed || error.kind == .unknownEntity
            return Outcome(root: salvage ? reader.salvage() : nil, error: error)
        } catch {
            return Outcome(root: nil, error: XMLParseError(.malformed, at: reader.i, "\(error)"))
        }
    }
}

/// The cursor and element stack of one parse.
private struct Reader {
    let b: [UInt8]
    let limits: XMLLimits
    var i = 0
    var stack: [XMLNode] = []
    var elements = 0
    var root: XMLNode?

    init(bytes: [UInt8], limits: XMLLimits) {
        b = bytes
        self.limits = limits
    }

    /// Closes every open element, innermost first, and returns the outermost one.
    mutating func salvage() -> XMLNode? {
        if let root { return root }
        while stack.count > 1 {
            let last = stack.removeLast()
            stack[stack.count - 1].children.append(last)
        }
        return stack.first
    }

    func truncated(_ what: String) -> XMLParseError { XMLParseError(.truncated, at: i, "the body ends \(what)") }
    func malformed(_ what: String) -> XMLParseError { XMLParseError(.malformed, at: i, what) }

    mutating func document() throws -> XMLNode {
        if b.starts(with: [0xEF, 0xBB, 0xBF]) { i = 3 }
        skipSpace()
        guard i < b.count else { throw XMLParseError(.empty, at: i, "the body is empty") }
        while i < b.count {
            if stack.isEmpty, root == nil {
                skipSpace()
                guard i < b.count else { break }
                guard b[i] == UInt8(ascii: "<") else {
                    throw malformed("text before the root element (this is not an XML document)")
                }
            }
            if b[i] == UInt8(ascii: "<") {
                try markup()
            } else {
                try text()
            }
            if root != nil {
                skipSpace()
                while i < b.count, b[i] == UInt8(ascii: "<"), i + 1 < b.count,
                    b[i + 1] == UInt8(ascii: "!") || b[i + 1] == UInt8(ascii: "?")
                {
                    try markup()
                    skipSpace()
                }
                guard i >= b.count else { throw malformed("content after the root element") }
                break
            }
        }
        guard let root else {
            if stack.isEmpty { throw XMLParseError(.empty, at: i, "no root element") }
            throw truncated("inside <\(stack.last!.name)>")
        }
        return root
    }

    mutating func skipSpace() {
        while i < b.count, b[i] == 0x20 || b[i] == 0x09 || b[i] == 0x0a || b[i] == 0x0d { i += 1 }
    }

    func starts(_ s: String) -> Bool {
        let u = Array(s.utf8)
        return i + u.count <= b.count && Array(b[i..<(i + u.count)]) == u
    }

    mutating func skip(past terminator: String, what: String) throws -> Range<Int> {
        let t = Array(terminator.utf8)
        var j = i
        while j + t.count <= b.count {
            if b[j] == t[0], Array(b[j..<(j + t.count)]) == t {
                let r = i..<j
                i = j + t.count
                return r
            }
            j += 1
        }
        i = b.count
        throw truncated("inside \(what)")
    }

    mutating func markup() throws {
        if starts("<?") {
            i += 2
            _ = try skip(past: "?>", what: "a processing instruction")
        } else if starts("<!--") {
            i += 4
            _ = try skip(past: "-->", what: "a comment")
        } else if starts("<![CDATA[") {
            guard !stack.isEmpty else { throw malformed("CDATA outside the root element") }
            i += 9
            let r = try skip(past: "]]>", what: "a CDATA section")
            stack[stack.count - 1].text += String(decoding: b[r], as: UTF8.self)
        } else if starts("<!") {
            throw XMLParseError(
                .doctypeRefused, at: i,
                "a DOCTYPE or other markup declaration is present; Signet does not read DTDs or expand entities")
        } else if starts("</") {
            try endTag()
        } else {
            try startTag()
        }
    }

    mutating func name() throws -> String {
        let s = i
        while i < b.count {
            let c = b[i]
            if c == 0x20 || c == 0x09 || c == 0x0a || c == 0x0d || c == UInt8(ascii: ">") || c == UInt8(ascii: "/")
                || c == UInt8(ascii: "=")
            {
                break
            }
            if c == UInt8(ascii: "<") || c == UInt8(ascii: "&") || c == UInt8(ascii: "\"") || c == UInt8(ascii: "'") {
                throw malformed("unexpected \"\(Character(Unicode.Scalar(c)))\" in a name")
            }
            i += 1
        }
        if i >= b.count { throw truncated("inside a tag") }
        guard i > s else { throw malformed("a tag without a name") }
        return String(decoding: b[s..<i], as: UTF8.self)
    }

    mutating func startTag() throws {
        i += 1
        let tag = try name()
        var attributes: [(name: String, value: String)] = []
        while true {
            skipSpace()
            guard i < b.count else { throw truncated("inside <\(tag)>") }
            if b[i] == UInt8(ascii: ">") {
                i += 1
                try open(XMLNode(name: tag, attributes: attributes))
                return
            }
            if b[i] == UInt8(ascii: "/") {
                guard i + 1 < b.count else { throw truncated("inside <\(tag)/>") }
                guard b[i + 1] == UInt8(ascii: ">") else { throw malformed("\"/\" not followed by \">\" in <\(tag)>") }
                i += 2
                try open(XMLNode(name: tag, attributes: attributes))
                close()
                return
            }
            let attr = try name()
            skipSpace()
            guard i < b.count else { throw truncated("inside <\(tag)>") }
            guard b[i] == UInt8(ascii: "=") else { throw malformed("attribute \(attr) of <\(tag)> has no value") }
            i += 1
            skipSpace()
            guard i < b.count else { throw truncated("inside <\(tag)>") }
            let quote = b[i]
            guard quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") else {
                throw malformed("attribute \(attr) of <\(tag)> is not quoted")
            }
            i += 1
            let s = i
            while i < b.count, b[i] != quote {
                if b[i] == UInt8(ascii: "<") { throw malformed("\"<\" inside attribute \(attr)") }
                i += 1
            }
            guard i < b.count else { throw truncated("inside attribute \(attr) of <\(tag)>") }
            let value = try decodeEntities(s..<i)
            i += 1
            attributes.append((attr, value))
        }
    }

    mutating func open(_ node: XMLNode) throws {
        guard root == nil else { throw malformed("a second root element <\(node.name)>") }
        elements += 1
        guard elements <= limits.maxElements else {
            throw XMLParseError(.tooManyElements, at: i, "more than \(limits.maxElements) elements")
        }
        guard stack.count < limits.maxDepth else {
            throw XMLParseError(.tooDeep, at: i, "elements nested deeper than \(limits.maxDepth) levels")
        }
        stack.append(node)
    }

    mutating func close() {
        let node = stack.removeLast()
        if stack.isEmpty {
            root = node
        } else {
            stack[stack.count - 1].children.append(node)
        }
    }

    mutating func endTag() throws {
        i += 2
        let tag = try name()
        skipSpace()
        guard i < b.count else { throw truncated("inside </\(tag)>") }
        guard b[i] == UInt8(ascii: ">") else { throw malformed("unexpected text in </\(tag)>") }
        i += 1
        guard let open = stack.last else { throw malformed("</\(tag)> closes nothing") }
        guard open.name == tag else { throw malformed("</\(tag)> does not match the open <\(open.name)>") }
        close()
    }

    mutating func text() throws {
        let s = i
        while i < b.count, b[i] != UInt8(ascii: "<") { i += 1 }
        let value = try decodeEntities(s..<i)
        guard !stack.isEmpty else {
            if value.allSatisfy(\.isWhitespace) { return }
            throw malformed("text outside the root element")
        }
        stack[stack.count - 1].text += value
        if i >= b.count { throw truncated("inside <\(stack.last!.name)>") }
    }

    func decodeEntities(_ r: Range<Int>) throws -> String {
        guard b[r].contains(UInt8(ascii: "&")) else { return String(decoding: b[r], as: UTF8.self) }
        var out = [UInt8]()
        out.reserveCapacity(r.count)
        var j = r.lowerBound
        while j < r.upperBound {
            guard b[j] == UInt8(ascii: "&") else {
                out.append(b[j])
                j += 1
                continue
            }
            var k = j + 1
            while k < r.upperBound, b[k] != UInt8(ascii: ";"), k - j < 12 { k += 1 }
            guard k < r.upperBound, b[k] == UInt8(ascii: ";") else {
                if k >= r.upperBound, r.upperBound == b.count {
                    throw XMLParseError(.truncated, at: j, "the body ends inside an entity reference")
                }
                throw XMLParseError(.malformed, at: j, "\"&\" that does not start a reference (write &amp;)")
            }
            let ref = String(decoding: b[(j + 1)..<k], as: UTF8.self)
            switch ref {
            case "amp": out.append(UInt8(ascii: "&"))
            case "lt": out.append(UInt8(ascii: "<"))
            case "gt": out.append(UInt8(ascii: ">"))
            case "quot": out.append(UInt8(ascii: "\""))
            case "apos": out.append(UInt8(ascii: "'"))
            default:
                var scalar: Unicode.Scalar?
                if ref.hasPrefix("#x") || ref.hasPrefix("#X") {
                    scalar = UInt32(ref.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init)
                } else if ref.hasPrefix("#") {
                    scalar = UInt32(ref.dropFirst(), radix: 10).flatMap(Unicode.Scalar.init)
                } else {
                    throw XMLParseError(
                        .unknownEntity, at: j,
                        "entity &\(ref); is not one of the five predefined ones; Signet expands no others")
                }
                guard let scalar, scalar.value != 0 else {
                    throw XMLParseError(.malformed, at: j, "character reference &\(ref); is not a valid character")
                }
                out.append(contentsOf: String(Character(scalar)).utf8)
            }
            j = k + 1
        }
        return String(decoding: out, as: UTF8.self)
    }
}
