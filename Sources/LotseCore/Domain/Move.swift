import GRDB
import PluginKit

/// The household moved out on a date; `leavesMunicipality` makes batch close apply.
public struct Move: Sendable, Equatable, Codable {
    public var id: Int64?
    public var caseId: Int64
    public var householdId: Int64
    public var movedOn: LocalDate
    public var destination: String
    public var leavesMunicipality: Bool

    public init(id: Int64? = nil, caseId: Int64, householdId: Int64, movedOn: LocalDate, destination: String, leavesMunicipality: Bool) {
        self.id = id
        self.caseId = caseId
        self.householdId = householdId
        self.movedOn = movedOn
        self.destination = destination
        self.leavesMunicipality = leavesMunicipality
    }
}

// MARK: - Columns and requests

extension Move {
    public enum Columns: CaseColumns {
        static let id = Column("id"), caseId = Column("caseId"), movedOn = Column("movedOn"), destination = Column("destination")
        static let chronological = [movedOn, id]
    }
}
