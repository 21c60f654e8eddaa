import GRDB
import PluginKit

/// A review date as it was set: when it was scheduled, and whether a review was held
/// for it or it was moved to another date first. Overwriting a case's next review date
/// thus keeps the dates that were due, so reviews due in a past period can be counted.
public struct ScheduledReview: Sendable, Equatable, Codable {
    public var id: Int64?
    public var caseId: Int64
    public var dueOn: LocalDate
    public var scheduledOn: LocalDate
    public var heldOn: LocalDate?
    public var movedOn: LocalDate?

    public init(id: Int64? = nil, caseId: Int64, dueOn: LocalDate, scheduledOn: LocalDate, heldOn: LocalDate? = nil, movedOn: LocalDate? = nil) {
        self.id = id
        self.caseId = caseId
        self.dueOn = dueOn
        self.scheduledOn = scheduledOn
        self.heldOn = heldOn
        self.movedOn = movedOn
    }
}

// MARK: - Columns and requests

extension ScheduledReview {
    public enum Columns: CaseColumns {
        static let id = Column("id"), caseId = Column("caseId"), dueOn = Column("dueOn"), heldOn = Column("heldOn"), movedOn = Column("movedOn")
        static let chronological = [dueOn, id]
    }

    /// The review date a case is waiting for (neither held nor moved).
    static func pending(of caseId: Int64) -> QueryInterfaceRequest<ScheduledReview> {
        filter(Columns.caseId == caseId && Columns.heldOn == nil && Columns.movedOn == nil).order(Columns.id.desc)
    }
}
