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
