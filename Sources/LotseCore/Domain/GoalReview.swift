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
