/// A validated answer.
public enum AnswerValue: Sendable, Hashable {
    case yes(Bool)
    case choice(String)
    case choices([String])
    case number(Int)
    case date(LocalDate)
    case text(String)
    case level(CEFRLevel)

    /// The canonical text stored in the database and in bundles; `AnswerType.decode`
    /// reads it back.
    public var stored: String {
        switch self {
        case .yes(let flag): flag ? "yes" : "no"
        case .choice(let key): key
        case .choices(let keys): keys.joined(separator: ";")
        case .number(let value): String(value)
        case .date(let date): date.iso
        case .text(let text): text
        case .level(let level): level.rawValue
        }
    }
}
