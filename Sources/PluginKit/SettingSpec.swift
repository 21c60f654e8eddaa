/// A setting a module accepts in plugins.json, with its type and default.
public struct SettingSpec: Sendable {
    public let key: String
    public let defaultValue: SettingValue
    /// The values a whole-number setting accepts; plugins.json outside it is refused.
    public let range: ClosedRange<Int>

    public init(_ key: String, default value: SettingValue, range: ClosedRange<Int> = 0...1_000_000) {
        self.key = key
        self.defaultValue = value
        self.range = range
    }

    public var labelKey: String { "setting.\(key)" }
}

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

/// A module's settings after plugins.json was read: defaults overlaid with what the
/// file sets.
public struct ModuleSettings: Sendable {
    public var values: [String: SettingValue]

    public init(_ values: [String: SettingValue] = [:]) { self.values = values }

    /// The defaults of a module, with nothing configured.
    public init(defaultsOf specs: [SettingSpec]) {
        values = Dictionary(uniqueKeysWithValues: specs.map { ($0.key, $0.defaultValue) })
    }

    public func level(_ key: String) -> CEFRLevel? {
        if case .level(let level) = values[key] { return level }
        return nil
    }

    public func integer(_ key: String) -> Int? {
        if case .integer(let n) = values[key] { return n }
        return nil
    }
}
