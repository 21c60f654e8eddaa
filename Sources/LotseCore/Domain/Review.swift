import PluginKit

/// What a review decides for one open goal.
public enum GoalDecision: Sendable, Equatable {
    case achieved(outcomeValue: String?)
    case dropped(reason: String)
    case continued(newDueOn: LocalDate)
}

/// A goal due for review, with what the review dialog shows.
public struct OpenGoal: Sendable, Equatable, Codable {
    public var goal: Goal
    public var personName: String?
}

/// A case or goal that needs attention soon (`lotse due`).
public struct DueItem: Sendable, Equatable, Codable {
    public var caseId: Int64
    public var staff: String?
    /// "review" for the case's next review, "goal" for a goal's due date, "receipt" for
    /// a handover whose receipt is overdue (title: the receiver).
    public var kind: String
    public var date: LocalDate
    public var title: String?
}

/// What a review recorded.
public struct ReviewResult: Sendable, Equatable {
    public var reviewed: Int
    public var outcomes: [Outcome]
    public var conversationId: Int64
    public var nextReviewOn: LocalDate?
}
