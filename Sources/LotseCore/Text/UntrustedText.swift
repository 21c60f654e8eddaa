/// Text lotse did not write itself: names, notes, answers, a bundle's fields, a CSV's
/// cells. Two rules keep it from driving a terminal: on the way in, control characters
/// other than tab and line feed are refused (`controlCharacter(in:)`); on the way out,
/// any that are stored already are shown as visible symbols (`visible(_:)`).
public enum UntrustedText {
    /// The first character a free text may not hold: a C0 control other than tab and
    /// line feed (NUL included), DEL, or a C1 control. Nil when the text is clean.
    /// Zero-width joiners and direction marks (ZWNJ, ZWJ, LRM, RLM), which Persian and
    /// Arabic names need, are allowed.
    public static func controlCharacter(in text: some StringProtocol) -> Unicode.Scalar? {
        text.unicodeScalars.first(where: isForbidden)
    }

    static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A: false
        case 0x00...0x1F, 0x7F, 0x80...0x9F: true
        default: false
        }
    }

    /// Bidi embedding, override and isolate controls: allowed in stored text, but shown
    /// visibly, since they can make a line read differently from what it holds.
    static func isBidiControl(_ scalar: Unicode.Scalar) -> Bool {
        (0x202A...0x202E).contains(scalar.value) || (0x2066...0x2069).contains(scalar.value)
    }

    /// `U+001B` as a user reads it in a message.
    public static func codePoint(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }

    /// The text with every control character replaced by a visible symbol: C0 controls
    /// by their Control Pictures (ESC as `␛`, NUL as `␀`), DEL as `␡`, C1 and bidi
    /// controls as `⟨U+0085⟩`. Tab and line feed stay.
    public static func visible(_ text: some StringProtocol) -> String {
        guard text.unicodeScalars.contains(where: { isForbidden($0) || isBidiControl($0) }) else { return String(text) }
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x09, 0x0A: result.append(scalar)
            case 0x00...0x1F: result.append(Unicode.Scalar(0x2400 + scalar.value)!)
            case 0x7F: result.append("\u{2421}")
            case _ where isForbidden(scalar) || isBidiControl(scalar): result.append(contentsOf: "⟨\(codePoint(scalar))⟩".unicodeScalars)
            default: result.append(scalar)
            }
        }
        return String(result)
    }

    /// JSON text with the controls JSONEncoder leaves raw (DEL, C1, bidi) written as
    /// `\uXXXX` escapes: the data stays exact, and printing it drives no terminal.
    /// They can only stand inside strings, so escaping them never changes the structure.
    public static func escapedForJSON(_ json: String) -> String {
        guard json.unicodeScalars.contains(where: { isForbidden($0) || isBidiControl($0) }) else { return json }
        var result = String.UnicodeScalarView()
        for scalar in json.unicodeScalars {
            if isForbidden(scalar) || isBidiControl(scalar) {
                result.append(contentsOf: "\\u\(codePoint(scalar).dropFirst(2).lowercased())".unicodeScalars)
            } else {
                result.append(scalar)
            }
        }
        return String(result)
    }
}
