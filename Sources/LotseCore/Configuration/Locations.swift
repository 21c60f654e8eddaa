import Foundation

/// Where lotse finds its configuration, resources and database: the same lookup
/// order for every command (DESIGN.md, "Storage and deployment").
///
/// In secure mode (`UserRights.secure`, the packaged setuid binary) only the system
/// paths count: `--db`, `--config`, `$LOTSE_*` are ignored.
public struct Locations: Sendable {
    /// The shared installation's folders (the Debian package).
    public static let systemConfiguration = URL(fileURLWithPath: "/etc/lotse/plugins.json")
    public static let systemResources = URL(fileURLWithPath: "/usr/share/lotse")
    public static let systemData = URL(fileURLWithPath: "/var/lib/lotse")
    /// Where the nightly backups go, readable only by lotse and root.
    public static let systemBackups = URL(fileURLWithPath: "/var/backups/lotse")
    /// The installation's backup passphrase (made at install, readable only by lotse).
    public static let installationBackupKey = URL(fileURLWithPath: "/etc/lotse/backup.pass")

    /// Scratch files: in secure mode inside the data folder (a rename out of a tmpfs
    /// fails, and nothing of lotse's belongs in a world-writable folder), else $TMPDIR.
    public static var scratch: URL {
        UserRights.secure ? systemData.appendingPathComponent("tmp") : FileManager.default.temporaryDirectory
    }

    public var environment: [String: String]
    /// True in secure mode: only the system paths.
    public var secure = UserRights.secure
    /// Folder of the running executable, for resources installed beside it; asked for
    /// only when no other place has them.
    public var executableDirectory: @Sendable () -> URL?
    public var currentDirectory: URL

    public init(environment: [String: String] = Self.processEnvironment(),
                executableDirectory: @escaping @Sendable () -> URL? = { Bundle.main.executableURL?.deletingLastPathComponent() },
                currentDirectory: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)) {
        self.environment = environment
        self.executableDirectory = executableDirectory
        self.currentDirectory = currentDirectory
    }

    /// The variables lotse's lookup reads, as they are now (the REPL sets LOTSE_DB for
    /// the commands typed in it). Read one by one: the whole environment as a dictionary
    /// took a tenth of a millisecond each time.
    public static func processEnvironment() -> [String: String] {
        var found: [String: String] = [:]
        for name in ["LOTSE_CONFIG", "LOTSE_RESOURCES", "LOTSE_DB", "LOTSE_TEMPLATES", "LOTSE_CLIENT_LOCALES", "XDG_DATA_HOME", "HOME"] {
            if let value = getenv(name) { found[name] = String(cString: value) }
        }
        return found
    }

    /// `--config`, `$LOTSE_CONFIG`, `/etc/lotse/plugins.json`, `./plugins.json`; nil when
    /// none exists (lotse then runs with every module enabled and default settings).
    /// A file named explicitly must exist.
    public func configuration(explicit: String?) throws(ConfigurationError) -> URL? {
        if secure { return FileManager.default.fileExists(atPath: Self.systemConfiguration.path) ? Self.systemConfiguration : nil }
        for (named, source) in [(explicit, "--config"), (environment["LOTSE_CONFIG"], "$LOTSE_CONFIG")] {
            guard let named, !named.isEmpty else { continue }
            guard FileManager.default.fileExists(atPath: named) else {
                throw ConfigurationError(file: named, key: .text(source), expected: "config.noSuchFile")
            }
            return URL(fileURLWithPath: named)
        }
        let candidates = [URL(fileURLWithPath: "/etc/lotse/plugins.json"), currentDirectory.appendingPathComponent("plugins.json")]
        return candidates.first { FileManager.default.fileExists(atPath: $0.path) }
    }

    /// The county's own document templates: `/etc/lotse/templates`, or (outside the
    /// shared installation) `$LOTSE_TEMPLATES` when set.
    public var countyTemplates: URL {
        if !secure, let named = environment["LOTSE_TEMPLATES"], !named.isEmpty { return URL(fileURLWithPath: named) }
        return DocumentTemplates.countyFolder
    }

    /// The county's own client catalogs: `/etc/lotse/client-locales`, or (outside the
    /// shared installation) `$LOTSE_CLIENT_LOCALES` when set.
    public var countyClientLocales: URL {
        if !secure, let named = environment["LOTSE_CLIENT_LOCALES"], !named.isEmpty { return URL(fileURLWithPath: named) }
        return URL(fileURLWithPath: "/etc/lotse/client-locales")
    }

    /// `$LOTSE_RESOURCES`, `/usr/share/lotse`, `./resources`, then beside the executable.
    public func resources() throws(DataError) -> URL {
        if secure {
            guard FileManager.default.fileExists(atPath: Self.systemResources.appendingPathComponent("services.json").path) else {
                throw DataError("error.resources.system", ["folder": .text(Self.systemResources.path)])
            }
            return Self.systemResources
        }
        var candidates: [URL] = []
        if let named = environment["LOTSE_RESOURCES"], !named.isEmpty { candidates.append(URL(fileURLWithPath: named)) }
        candidates.append(URL(fileURLWithPath: "/usr/share/lotse"))
        candidates.append(currentDirectory.appendingPathComponent("resources"))
        if let found = candidates.first(where: Self.holdsResources) { return found }
        if let beside = executableDirectory()?.appendingPathComponent("resources") {
            candidates.append(beside)
            if Self.holdsResources(beside) { return beside }
        }
        throw DataError("error.resources.notFound", ["folders": .list(candidates.map { .text($0.path) })])
    }

    private static func holdsResources(_ folder: URL) -> Bool {
        FileManager.default.fileExists(atPath: folder.appendingPathComponent("services.json").path)
    }

    /// `--db`, `$LOTSE_DB`, else `lotse.sqlite` in the XDG data directory.
    public func database(explicit: String?) -> URL {
        if secure { return Self.systemData.appendingPathComponent("lotse.sqlite") }
        if let explicit, !explicit.isEmpty { return URL(fileURLWithPath: explicit) }
        if let named = environment["LOTSE_DB"], !named.isEmpty { return URL(fileURLWithPath: named) }
        return dataDirectory.appendingPathComponent("lotse.sqlite")
    }

    /// Trusted senders' keys: `--trusted-keys`, else `trustedKeysDir` (only that in secure mode).
    public func trustedKeys(explicit: String?, deployment: Deployment) -> URL? {
        ((secure ? nil : explicit) ?? deployment.trustedKeysDir).map { URL(fileURLWithPath: $0) }
    }

    /// Where a crash report goes: lotse's data folder in secure mode, else the user's.
    public var crashLog: URL {
        (secure ? Self.systemData : dataDirectory).appendingPathComponent("crash.log")
    }

    /// `$XDG_DATA_HOME/lotse`, else `~/.local/share/lotse`: database and REPL history.
    public var dataDirectory: URL {
        if let xdg = environment["XDG_DATA_HOME"], xdg.hasPrefix("/") {
            return URL(fileURLWithPath: xdg).appendingPathComponent("lotse")
        }
        let home = environment["HOME"].map { URL(fileURLWithPath: $0) } ?? FileManager.default.homeDirectoryForCurrentUser
        return home.appendingPathComponent(".local/share/lotse")
    }
}
