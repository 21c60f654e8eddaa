import Foundation

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
