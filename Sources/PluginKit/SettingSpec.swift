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
