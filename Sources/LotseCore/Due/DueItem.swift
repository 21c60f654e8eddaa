import PluginKit

/// Something of a case that needs attention (`lotse due`): the case's next review, an
/// open goal, a handover receipt that has not come back, the limit of care.
public struct DueItem: Sendable, Equatable, Codable {
    public enum Kind: String, Sendable, Codable {
        case review, goal, receipt, careEnd
    }

    public var caseId: Int64
    public var kind: Kind
    /// The day it is (or was) due.
    public var date: LocalDate
    /// The goal's title, or the municipality a case was handed to.
    public var title: String?
    /// Whom it is about: the goal's person, else the case's (its individual, or the
    /// household's first member).
    public var person: String?
    public var staff: String?
    public var municipality: String

    /// Days past the due date on `today`; 0 when it is not overdue.
    public func daysOverdue(on today: LocalDate) -> Int { max(0, today.dayNumber - date.dayNumber) }
}

/// How much is due in one municipality: the county-wide view's summary.
public struct DueSummary: Sendable, Equatable, Codable {
    public var municipality: String
    public var overdue: Int
    public var coming: Int
}

/// Whose items `due` lists: one staff member's cases, one municipality's, or all the
/// principal may read.
public struct DueScope: Sendable {
    public var staff: String?
    public var municipality: String?
    public init(staff: String? = nil, municipality: String? = nil) {
        self.staff = staff
        self.municipality = municipality
    }
}
