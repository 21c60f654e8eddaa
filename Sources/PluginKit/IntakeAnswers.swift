/// A person as modules see them: an opaque reference the core understands, and
/// whether they count as an adult or a child on the intake date.
public struct PersonRef: Sendable, Hashable {
    public let id: String
    public let scope: Scope

    public init(id: String, scope: Scope) {
        self.id = id
        self.scope = scope
    }
}

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
