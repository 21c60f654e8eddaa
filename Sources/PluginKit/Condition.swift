/// Skip logic: when a question is asked. A condition looks at earlier answers (a
/// per-person question sees that person's and the household's answers) and at
/// household facts the core supplies. Unanswered questions make a test false.
public indirect enum Condition: Sendable, Hashable, CustomStringConvertible {
    case answer(QuestionID, AnswerTest)
    case fact(HouseholdFact, atLeast: Int)
    case all([Condition])
    case any([Condition])
    case not(Condition)

    // Readable builders for module code.
    public static func yes(_ id: QuestionID) -> Condition { .answer(id, .isYes) }
    public static func no(_ id: QuestionID) -> Condition { .answer(id, .isNo) }
    public static func oneOf(_ id: QuestionID, _ keys: String...) -> Condition { .answer(id, .isOneOf(keys)) }
    public static func includes(_ id: QuestionID, _ key: String) -> Condition { .answer(id, .includes(key)) }
    public static var hasChildren: Condition { .fact(.children, atLeast: 1) }

    /// Every question id the condition reads, checked against the configured order
    /// when plugins.json is loaded.
    public var referencedQuestions: [QuestionID] {
        switch self {
        case .answer(let id, _): [id]
        case .fact: []
        case .all(let parts), .any(let parts): parts.flatMap(\.referencedQuestions)
        case .not(let inner): inner.referencedQuestions
        }
    }

    public func evaluate(_ context: AnswerContext) -> Bool {
        switch self {
        case .answer(let id, let test): context.answer(id).map(test.holds) ?? false
        case .fact(let fact, let minimum): (context.facts.value(of: fact) ?? -1) >= minimum
        case .all(let parts): parts.allSatisfy { $0.evaluate(context) }
        case .any(let parts): parts.contains { $0.evaluate(context) }
        case .not(let inner): !inner.evaluate(context)
        }
    }

    public var description: String {
        switch self {
        case .answer(let id, let test): "\(id) \(test)"
        case .fact(let fact, let minimum): "\(fact.rawValue) ≥ \(minimum)"
        case .all(let parts): parts.map(\.description).joined(separator: " and ")
        case .any(let parts): "(" + parts.map(\.description).joined(separator: " or ") + ")"
        case .not(let inner): "not (\(inner))"
        }
    }
}
