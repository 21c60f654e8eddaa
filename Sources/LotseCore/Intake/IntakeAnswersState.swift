import PluginKit

/// The answers of an intake so far.
public struct IntakeAnswersState: Sendable, Equatable {
    public var household: [QuestionID: AnswerValue] = [:]
    public var persons: [Int64: [QuestionID: AnswerValue]] = [:]

    public init() {}

    public func answer(_ step: IntakeStep) -> AnswerValue? {
        step.personId.map { persons[$0]?[step.question] } ?? household[step.question]
    }

    public mutating func set(_ value: AnswerValue?, for step: IntakeStep) {
        if let personId = step.personId { persons[personId, default: [:]][step.question] = value } else { household[step.question] = value }
    }
}
