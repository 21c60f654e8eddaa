import PluginKit

/// The order of an intake and its skip logic, as pure functions: the enabled modules
/// in their configured order, each question asked once per household, per adult or per
/// child. Which steps apply is decided from the answers given so far, so going back
/// and changing an answer re-evaluates every later condition.
public struct IntakePlan: Sendable {
    public let modules: [any IntegrationModule]
    public let persons: [IntakePerson]
    /// Every step that could be asked, in order.
    public let steps: [IntakeStep]
    private let questions: [QuestionID: Question]

    public init(modules: [any IntegrationModule], persons: [IntakePerson]) {
        self.modules = modules
        self.persons = persons
        var steps: [IntakeStep] = []
        var questions: [QuestionID: Question] = [:]
        for module in modules {
            for question in module.questions {
                questions[question.id] = question
                switch question.scope {
                case .household: steps.append(IntakeStep(module: module.id, question: question.id, personId: nil))
                case .adult, .child:
                    for person in persons where person.scope == question.scope {
                        steps.append(IntakeStep(module: module.id, question: question.id, personId: person.id))
                    }
                }
            }
        }
        self.steps = steps
        self.questions = questions
    }

    public func question(_ step: IntakeStep) -> Question { questions[step.question]! }

    public func person(_ step: IntakeStep) -> IntakePerson? { step.personId.flatMap { id in persons.first { $0.id == id } } }

    public var facts: HouseholdFacts {
        HouseholdFacts(adults: persons.filter { $0.scope == .adult }.count, children: persons.filter { $0.scope == .child }.count)
    }

    /// Whether a step is asked, given the answers so far.
    public func applies(_ step: IntakeStep, _ answers: IntakeAnswersState) -> Bool {
        guard let condition = question(step).askIf else { return true }
        var facts = self.facts
        facts.personAge = person(step)?.age
        let context = AnswerContext(household: answers.household, person: step.personId.flatMap { answers.persons[$0] } ?? [:], facts: facts)
        return condition.evaluate(context)
    }

    public func index(of step: IntakeStep) -> Int? { steps.firstIndex(of: step) }

    /// The first applicable step after `step` (from the start when nil).
    public func next(after step: IntakeStep?, _ answers: IntakeAnswersState) -> IntakeStep? {
        let start = step.flatMap(index(of:)).map { $0 + 1 } ?? 0
        return steps[start...].first { applies($0, answers) }
    }

    /// The applicable step before `step`, for `back`.
    public func previous(before step: IntakeStep?, _ answers: IntakeAnswersState) -> IntakeStep? {
        let end = step.flatMap(index(of:)) ?? steps.count
        return steps[..<end].last { applies($0, answers) }
    }

    /// Where an intake stands: the step's module, its number among the module's steps
    /// that apply now, and how many apply.
    public func progress(of step: IntakeStep, _ answers: IntakeAnswersState) -> (module: String, number: Int, count: Int) {
        let moduleSteps = steps.filter { $0.module == step.module && applies($0, answers) }
        return (step.module, (moduleSteps.firstIndex(of: step) ?? 0) + 1, moduleSteps.count)
    }

    /// Answers that no longer apply after an earlier answer changed: they are left out
    /// of the summary and the goals (their history stays in the store).
    public func applicableAnswers(_ answers: IntakeAnswersState) -> IntakeAnswersState {
        var kept = IntakeAnswersState()
        for step in steps where applies(step, kept) {
            if let value = answers.answer(step) { kept.set(value, for: step) }
        }
        return kept
    }

    /// The answers as modules see them, for `suggestedGoals`.
    public func intakeAnswers(_ answers: IntakeAnswersState) -> IntakeAnswers {
        IntakeAnswers(household: answers.household,
                      persons: persons.map { ($0.ref, answers.persons[$0.id] ?? [:]) })
    }
}
