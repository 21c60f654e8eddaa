import Foundation

/// The regular services (Regeldienste) cases are referred to, from
/// `resources/services.json`. Their names are texts ("service.<id>" in core.json).
public struct ServiceCatalog: Sendable {
    public struct Service: Sendable, Codable, Equatable {
        public let id: String
        /// employment, language, education, counselling, authority, welfare, health, family
        public let kind: String
    }

    public let services: [Service]

    public func contains(_ id: String) -> Bool { services.contains { $0.id == id } }

    public static func load(from resources: URL) throws(DataError) -> ServiceCatalog {
        ServiceCatalog(services: try ResourceFile<Service>.load(resources.appendingPathComponent("services.json")).entries)
    }
}
