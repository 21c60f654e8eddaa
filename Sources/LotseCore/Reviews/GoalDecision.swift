import PluginKit

/// What a review decides for one open goal.
public enum GoalDecision: Sendable, Equatable {
    case achieved(outcomeValue: String?)
    case dropped(reason: String)
    case continued(newDueOn: LocalDate)
}
