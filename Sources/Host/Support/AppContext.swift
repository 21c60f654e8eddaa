import Foundation
import LotseCore
import PluginKit
import Synchronization

/// What every command needs after start-up: the validated configuration, the resources
/// folder and the texts of the configured locale. Loading it validates plugins.json, so
/// a broken file stops the program before anything else happens.
struct AppContext {
    let configuration: Configuration
    let resources: URL
    private(set) var catalog: Catalog
    let locations: Locations
    /// The secure-mode notice is shown once per process.
    private static let noticeShown = Atomic(false)

    init(options: ConfigOptions, locations: Locations = Locations()) throws {
        self.locations = locations
        let loader = ConfigurationLoader(registry: builtinModules)
        if let url = try locations.configuration(explicit: options.path) {
            configuration = try loader.load(contentsOf: url)
        } else {
            configuration = .defaults(for: builtinModules)
        }
        resources = try locations.resources()
        catalog = try Console.catalog(locale: configuration.deployment.locale, resources: resources)
        if SecureStart.ignoredSomething, !Self.noticeShown.exchange(true, ordering: .relaxed) {
            Voice(catalog: catalog).error("warning.secureMode")
        }
    }

    /// The ids facts are checked against: every registered module, the services,
    /// closure reasons and person codes in resources.
    func vocabulary() throws -> Vocabulary {
        Vocabulary(registry: builtinModules, services: try ServiceCatalog.load(from: resources),
                   closureReasons: try ClosureReasons.load(from: resources), personCodes: try PersonCodes.load(from: resources))
    }

    /// The document templates of a catalog's locale (the session's by default).
    func templates(_ catalog: Catalog? = nil) throws -> DocumentTemplates {
        try DocumentTemplates.load(resources: resources, catalog: catalog ?? self.catalog, county: locations.countyTemplates)
    }

    /// The context for a user who chose their own language: the catalog in that language.
    func speaking(to principal: Principal) throws -> AppContext {
        guard let locale = principal.locale, locale != catalog.locale else { return self }
        var context = self
        context.catalog = try Console.catalog(locale: locale, resources: resources)
        return context
    }

    /// The session's words, in its catalog's language.
    var voice: Voice { Voice(catalog: catalog) }

    /// A text of the core namespace.
    func text(_ key: String, _ arguments: [String: String] = [:]) -> String {
        catalog.text("core", key, arguments)
    }
}
