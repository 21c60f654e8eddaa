/// How much text one field may hold: a single-line field (a name, a title, a place, a
/// partner) at most `lineChars` characters and no line break, since a line feed in a
/// name prints as a forged row; a note (text, note, problem, outcome) at most
/// `noteChars`. The same rule holds for what a user types, what the legacy import reads
/// and what a received bundle carries (`maxFieldChars`, `maxNoteChars` in plugins.json).
public struct FieldLimits: Sendable, Equatable {
    public var lineChars: Int
    public var noteChars: Int

    public init(lineChars: Int = 500, noteChars: Int = 50_000) {
        self.lineChars = lineChars
        self.noteChars = noteChars
    }

    /// Fields (by column or key name) that may hold several lines.
    static let multiLine: Set<String> = ["text", "note", "problem", "outcome"]

    /// What is wrong with `value` as the field `field` (a column, or a path like
    /// `persons[2].familyName`, whose last name counts), said without naming the field
    /// (the caller names it); nil when it may be stored.
    public func problem(in value: String, field: String) -> Message? {
        let name = field.split(separator: ".").last.map { $0.split(separator: "[").first.map(String.init) ?? "" } ?? field
        let multiLine = Self.multiLine.contains(name)
        let limit = multiLine ? noteChars : lineChars
        // Fast path: a short field (as good as every one) is no longer in characters than in bytes.
        if value.utf8.count > limit, value.unicodeScalars.count > limit {
            return Message("field.tooLong", ["limit": .number(limit)])
        }
        if !multiLine, value.unicodeScalars.contains(where: { $0 == "\n" || $0 == "\u{2028}" || $0 == "\u{2029}" }) {
            return Message("field.lineBreak")
        }
        return nil
    }
}
