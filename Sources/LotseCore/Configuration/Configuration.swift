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

/// Settings of the installation as a whole.
public struct Deployment: Sendable, Equatable {
    /// Language of texts, agreements and reports: "de" or "en".
    public var locale = "de"
    /// Years closed cases are kept before `batch purge` deletes them.
    public var retentionYears = 10
    /// Places per funded full-time equivalent (the reference: 613 persons for 7.5 FTE).
    public var personsPerFTE = 82
    /// Months without a conversation after which `batch close --rule inactive` applies.
    public var inactiveMonths = 6
    /// Years of care the funding allows; a justified extension adds one.
    public var maxCareYears = 3
    /// Folder of trusted senders' public keys for signed handover bundles.
    public var trustedKeysDir: String?
    /// Minutes of inactivity after which the kiosk logs out.
    public var idleLogoutMinutes = 10.0
    /// The only folder kiosk users may read files from and write exports to (default:
    /// `lotse-export` in the kiosk account's home).
    public var kioskExportDir: String?
    /// Largest file a received bundle may hold, in MB.
    public var bundleMaxEntryMB = 512
    /// Largest total a received bundle may unpack to, in MB.
    public var bundleMaxTotalMB = 4096
    /// Days a backup is kept before `lotse backup prune` deletes it.
    public var backupRetentionDays = 90

    public init() {}
}
