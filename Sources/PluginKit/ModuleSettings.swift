

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
