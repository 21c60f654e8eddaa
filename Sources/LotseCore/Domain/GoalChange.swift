import GRDB
import PluginKit

/// A goal's status and due date from a day on: agreed (open), continued with a new due
/// date, achieved or dropped. A report for a past date sees each goal as its latest
/// change on or before that date left it.
public struct GoalChange: Sendable, Equatable, Codable {
    public var id: Int64?
    public var goalId: Int64
    public var changedOn: LocalDate
    public var status: GoalStatus
    public var dueOn: LocalDate

    public init(id: Int64? = nil, goalId: Int64, changedOn: LocalDate, status: GoalStatus, dueOn: LocalDate) {
        self.id = id
        self.goalId = goalId
        self.changedOn = changedOn
        self.status = status
        self.dueOn = dueOn
    }
}

// MARK: - Columns and requests

extension GoalChange {
    public enum Columns: GoalColumns {
        static let id = Column("id"), goalId = Column("goalId"), changedOn = Column("changedOn")
    }

    /// A goal's history, oldest first.
    static func ofGoal(_ goalId: Int64?) -> QueryInterfaceRequest<GoalChange> {
        filter(Columns.goalId == goalId).order(Columns.changedOn, Columns.id)
    }
}
