

/// A setting's value; its case is also its type.
public enum SettingValue: Sendable, Hashable, CustomStringConvertible {
    case integer(Int)
    case text(String)
    case flag(Bool)
    case level(CEFRLevel)

    /// What a value of this type looks like, for error messages.
    public var expected: String {
        switch self {
        case .integer: "setting.integer"
        case .text: "setting.text"
        case .flag: "setting.flag"
        case .level: "setting.level"
        }
    }

    public var description: String {
        switch self {
        case .integer(let n): String(n)
        case .text(let s): s
        case .flag(let b): String(b)
        case .level(let l): l.rawValue
        }
    }
}
