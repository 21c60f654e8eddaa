import PluginKit

/// The intake's way through its plan, whatever asks the questions (a terminal, a pipe):
/// where it starts or resumes, what each reply does, and that every answer and every
/// move is saved the moment it happens, so nothing typed is lost and a paused intake
/// resumes where it stopped.
public struct IntakeFlow: Sendable {
    public let store: CaseStore
    public let caseId: Int64
    public let plan: IntakePlan
    public private(set) var answers: IntakeAnswersState
    /// The step to ask now; nil when every applicable question is answered.
    public private(set) var current: IntakeStep?
    /// How it began: a fresh intake, or one resumed from its stored state.
    public let resumed: Bool
    /// Steps answered from a file: never asked.
    private let prefilled: Set<String>

    /// Opens a case's intake on `date` (an audited read of its persons), saves the
    /// pre-filled answers, and finds the step to ask first.
    public init(store: CaseStore, caseId: Int64, modules: [any IntegrationModule], on date: LocalDate, prefilled file: PrefilledAnswers? = nil) throws {
        self.store = store
        self.caseId = caseId
        let plan = IntakePlan(modules: modules, persons: try store.intakePersons(caseId, on: date))
        let (stored, position, _) = try store.intakeState(caseId, plan: plan)
        var answers = stored
        let given = try file?.answers(for: plan, caseId: caseId) ?? []
        for (step, value) in given {
            answers.set(value, for: step)
            try store.saveAnswer(caseId, step: step, value: value, next: nil)
        }
        let resumeAt = position.flatMap { key in plan.steps.first { $0.key == key } }
        // Questions done before a pause at the goals: straight back to the goals.
        let atGoals = position == IntakeSession.atGoals && given.isEmpty
        self.plan = plan
        self.answers = answers
        prefilled = Set(given.map(\.0.key))
        resumed = resumeAt != nil || atGoals || stored != IntakeAnswersState()
        current = atGoals ? nil : resumeAt ?? plan.steps.first { plan.applies($0, answers) && answers.answer($0) == nil }
    }

    /// What the person asking did with the current step.
    public enum Reply: Sendable, Equatable {
        /// A valid answer.
        case answer(AnswerValue)
        /// Kept the answer already given.
        case keep
        /// Skipped an optional question.
        case skip
        /// Went back to the previous applicable question.
        case back
    }

    /// Applies a reply to the current step and saves where the intake goes on.
    /// Returns false for `back` at the first question (nothing changes).
    @discardableResult
    public mutating func reply(_ reply: Reply) throws -> Bool {
        guard let step = current else { return false }
        switch reply {
        case .back:
            guard let previous = plan.previous(before: step, answers) else { return false }
            current = previous
            try store.setIntakePosition(caseId, current)
        case .skip, .keep:
            current = next(after: step)
            try store.setIntakePosition(caseId, current)
        case .answer(let value):
            answers.set(value, for: step)
            current = next(after: step)
            try store.saveAnswer(caseId, step: step, value: value, next: current)
        }
        return true
    }

    /// Stops here; `lotse intake CASE` resumes at the current step.
    public func pause() throws {
        try store.setIntakePosition(caseId, current)
    }

    /// The answers that count for goals: those whose question still applies.
    public var applicableAnswers: IntakeAnswersState { plan.applicableAnswers(answers) }

    /// The next step to ask: pre-filled answers are not asked again.
    private func next(after step: IntakeStep?) -> IntakeStep? {
        var candidate = plan.next(after: step, answers)
        while let found = candidate, prefilled.contains(found.key) { candidate = plan.next(after: found, answers) }
        return candidate
    }
}
