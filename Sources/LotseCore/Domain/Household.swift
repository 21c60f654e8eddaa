import GRDB
import PluginKit

/// A household and who belonged to it when: a person joining later does not change
/// the figures of dates before.
public struct Household: Sendable, Equatable, Codable {
    public var id: Int64?
    public var municipalityId: Int64
    public var sourceRef: String?

    public init(id: Int64? = nil, municipalityId: Int64, sourceRef: String? = nil) {
        self.id = id
        self.municipalityId = municipalityId
        self.sourceRef = sourceRef
    }
}

// MARK: - Columns and requests

extension Household {
    public enum Columns {
        static let id = Column("id"), municipalityId = Column("municipalityId")
    }
}
