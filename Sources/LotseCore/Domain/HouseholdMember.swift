import PluginKit

public struct HouseholdMember: Sendable, Equatable, Codable {
    public var householdId: Int64
    public var personId: Int64
    public var fromDate: LocalDate
    public var toDate: LocalDate?

    public init(householdId: Int64, personId: Int64, fromDate: LocalDate, toDate: LocalDate? = nil) {
        self.householdId = householdId
        self.personId = personId
        self.fromDate = fromDate
        self.toDate = toDate
    }
}
