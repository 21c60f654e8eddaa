/// An element to write: a name, its attributes, and either text or child elements.
/// lotse writes every xdomea message as such a tree; `rendered` escapes what it must
/// and drops characters XML 1.0 cannot hold, so stored text cannot break the message.
struct XMLNode: Sendable, Equatable {
    var name: String
    var attributes: [(name: String, value: String)]
    var text: String?
    var children: [XMLNode]

    init(_ name: String, attributes: [(name: String, value: String)] = [], text: String) {
        self.name = name
        self.attributes = attributes
        self.text = text
        self.children = []
    }

    /// Children that are nil are left out (an optional element without a value).
    init(_ name: String, attributes: [(name: String, value: String)] = [], _ children: [XMLNode?]) {
        self.name = name
        self.attributes = attributes
        self.text = nil
        self.children = children.compactMap { $0 }
    }

    /// An element only when there is text for it.
    static func optional(_ name: String, _ text: String?) -> XMLNode? {
        guard let text, !text.isEmpty else { return nil }
        return XMLNode(name, text: text)
    }

    static func == (lhs: XMLNode, rhs: XMLNode) -> Bool {
        lhs.name == rhs.name && lhs.text == rhs.text && lhs.children == rhs.children
            && lhs.attributes.map(\.name) == rhs.attributes.map(\.name) && lhs.attributes.map(\.value) == rhs.attributes.map(\.value)
    }

    /// The document: declaration, then this element indented by two spaces per level.
    var document: String {
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        write(to: &out, depth: 0)
        return out
    }

    private func write(to out: inout String, depth: Int) {
        let indent = String(repeating: "  ", count: depth)
        out += indent + "<" + name
        for attribute in attributes { out += " \(attribute.name)=\"\(Self.escaped(attribute.value, quotes: true))\"" }
        if let text {
            out += ">" + Self.escaped(text, quotes: false) + "</\(name)>\n"
        } else if children.isEmpty {
            out += "/>\n"
        } else {
            out += ">\n"
            for child in children { child.write(to: &out, depth: depth + 1) }
            out += indent + "</\(name)>\n"
        }
    }

    /// Text as XML holds it: markup characters escaped, characters outside XML 1.0's
    /// range dropped (a control character in a stored note).
    static func escaped(_ text: String, quotes: Bool) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"" where quotes: out += "&quot;"
            case "\r": out += "&#13;"
            default:
                let value = scalar.value
                let allowed = value == 0x9 || value == 0xA || (0x20...0xD7FF).contains(value) || (0xE000...0xFFFD).contains(value) || value >= 0x10000
                if allowed { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }
}
