/// One element of a parsed XML document: its name, attributes, text and child elements.
///
/// Text is kept exactly as sent after entity decoding (no trimming), because echoed values such as
/// COS `FormatString` end with a meaningful newline.
public struct XMLNode: Sendable, Equatable {
    /// The element name as written (prefix included, e.g. `Error` or `s3:Key`).
    public var name: String
    /// Attributes in document order.
    public var attributes: [(name: String, value: String)]
    /// The concatenated character data directly inside this element.
    public var text: String
    /// Child elements in document order, unknown ones included.
    public var children: [XMLNode]

    /// Creates an element.
    public init(
        name: String, attributes: [(name: String, value: String)] = [], text: String = "", children: [XMLNode] = []
    ) {
        self.name = name
        self.attributes = attributes
        self.text = text
        self.children = children
    }

    /// The element name without a namespace prefix.
    public var localName: String {
        if let colon = name.lastIndex(of: ":") { return String(name[name.index(after: colon)...]) }
        return name
    }

    /// The first child whose local name is `name`.
    public func child(_ name: String) -> XMLNode? { children.first { $0.localName == name } }

    /// Every child whose local name is `name`.
    public func children(_ name: String) -> [XMLNode] { children.filter { $0.localName == name } }

    /// The text of the first child called `name`, or nil when there is none.
    public func childText(_ name: String) -> String? { child(name)?.text }

    public static func == (lhs: XMLNode, rhs: XMLNode) -> Bool {
        lhs.name == rhs.name && lhs.text == rhs.text && lhs.children == rhs.children
            && lhs.attributes.map(\.name) == rhs.attributes.map(\.name)
            && lhs.attributes.map(\.value) == rhs.attributes.map(\.value)
    }
}
