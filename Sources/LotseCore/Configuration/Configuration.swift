import PluginKit

/// plugins.json after validation: the enabled modules in their order with their
/// settings, and the deployment settings.
public struct Configuration: Sendable {
    /// An enabled module with its settings (defaults overlaid with the file's values).
    public struct EnabledModule: Sendable {
        public let module: any IntegrationModule
        public let settings: ModuleSettings
    }

    /// Where the configuration was read from; nil for the built-in defaults.
    public var source: String?
    public var modules: [EnabledModule]
    public var deployment: Deployment
    public var organisation = Organisation()

    /// Every registered module enabled in registry order, with default settings:
    /// what lotse uses when no plugins.json is found.
    public static func defaults(for registry: ModuleRegistry) -> Configuration {
        Configuration(
            source: nil,
            modules: registry.modules.map { EnabledModule(module: $0, settings: ModuleSettings(defaultsOf: $0.settings)) },
            deployment: Deployment()
        )
    }

    public func module(_ id: String) -> EnabledModule? { modules.first { $0.module.id == id } }

    /// All questions of the enabled modules in the configured order.
    public var questions: [Question] { modules.flatMap(\.module.questions) }
}
