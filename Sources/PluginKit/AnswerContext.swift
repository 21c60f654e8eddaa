/// What skip logic may see while a question is being decided.
public struct AnswerContext: Sendable {
    public var household: [QuestionID: AnswerValue]
    /// The answers about the person the question is for; empty for household questions.
    public var person: [QuestionID: AnswerValue]
    public var facts: HouseholdFacts

    public init(household: [QuestionID: AnswerValue] = [:], person: [QuestionID: AnswerValue] = [:], facts: HouseholdFacts) {
        self.household = household
        self.person = person
        self.facts = facts
    }

    /// A person's own answer wins over a household answer with the same id.
    public func answer(_ id: QuestionID) -> AnswerValue? { person[id] ?? household[id] }
}
