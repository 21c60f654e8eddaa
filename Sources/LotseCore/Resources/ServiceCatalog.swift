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

/// Why a case was closed, from `resources/closure-reasons.json`.
public struct ClosureReasons: Sendable {
    public struct Reason: Sendable, Codable, Equatable {
        public let id: String
    }

    public let reasons: [Reason]

    public func contains(_ id: String) -> Bool { reasons.contains { $0.id == id } }

    public static func load(from resources: URL) throws(DataError) -> ClosureReasons {
        ClosureReasons(reasons: try ResourceFile<Reason>.load(resources.appendingPathComponent("closure-reasons.json")).entries)
    }
}

/// The shape of a catalog file: `{"version": 1, "entries": [...]}`.
struct ResourceFile<Entry: Codable & Sendable>: Codable, Sendable {
    let version: Int
    let entries: [Entry]

    static func load(_ url: URL) throws(DataError) -> ResourceFile {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw DataError("resources.missing", ["path": .text(url.path)])
        }
        do { return try JSONDecoder().decode(ResourceFile.self, from: data) } catch {
            throw DataError("resources.invalid", ["path": .text(url.path), "problem": .message(BundleReader.describe(error))])
        }
    }
}
