import GRDB
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

// MARK: - Columns and requests

extension HouseholdMember {
    public enum Columns: PersonColumns {
        static let householdId = Column("householdId"), personId = Column("personId"), fromDate = Column("fromDate")
        static let toDate = Column("toDate")
    }

    /// The persons living in a household on a date.
    static func persons(in householdId: Int64, on date: LocalDate) -> QueryInterfaceRequest<Int64> {
        filter(Columns.householdId == householdId && Columns.fromDate <= date && (Columns.toDate == nil || Columns.toDate > date))
            .select(Columns.personId, as: Int64.self)
    }

    /// The members a case is about: its household, or the one person of a person case,
    /// in the order they joined.
    static func ofCase(_ caseFile: CaseFile) -> QueryInterfaceRequest<HouseholdMember> {
        var request = filter(Columns.householdId == caseFile.householdId)
        if let personId = caseFile.personId { request = request.about(person: personId) }
        return request.order(Columns.fromDate, Columns.personId)
    }
}
