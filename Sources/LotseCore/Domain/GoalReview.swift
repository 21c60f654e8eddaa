import GRDB
import PluginKit

/// A review of a goal in a follow-up conversation.
public struct GoalReview: Sendable, Equatable, Codable {
    public var id: Int64?
    public var goalId: Int64
    public var reviewedOn: LocalDate
    public var result: GoalStatus
    public var newDueOn: LocalDate?
    public var note: String?

    public init(id: Int64? = nil, goalId: Int64, reviewedOn: LocalDate, result: GoalStatus, newDueOn: LocalDate? = nil, note: String? = nil) {
        self.id = id
        self.goalId = goalId
        self.reviewedOn = reviewedOn
        self.result = result
        self.newDueOn = newDueOn
        self.note = note
    }
}

// MARK: - Columns and requests

extension GoalReview {
    public enum Columns: GoalColumns {
        static let id = Column("id"), goalId = Column("goalId"), reviewedOn = Column("reviewedOn"), note = Column("note")
    }

    /// A goal's reviews, oldest first.
    static func ofGoal(_ goalId: Int64?) -> QueryInterfaceRequest<GoalReview> {
        filter(Columns.goalId == goalId).order(Columns.reviewedOn, Columns.id)
    }
}
