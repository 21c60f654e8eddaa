
/// All answers of one intake, household and per person, for `suggestedGoals`.
public struct IntakeAnswers: Sendable {
    public var household: [QuestionID: AnswerValue]
    public var persons: [(person: PersonRef, answers: [QuestionID: AnswerValue])]

    public init(household: [QuestionID: AnswerValue] = [:],
                persons: [(person: PersonRef, answers: [QuestionID: AnswerValue])] = []) {
        self.household = household
        self.persons = persons
    }

    public var adults: [(person: PersonRef, answers: [QuestionID: AnswerValue])] {
        persons.filter { $0.person.scope == .adult }
    }

    public var children: [(person: PersonRef, answers: [QuestionID: AnswerValue])] {
        persons.filter { $0.person.scope == .child }
    }
}
