/// The full, stable id of a question: "<module>.<name>", e.g. "language.in_course".
/// Answers are stored under it, so it never changes once released.
public typealias QuestionID = String

/// One intake question. Its texts live in the locale files under keys derived from its
/// id, so the structure here stays free of prose.
public struct Question: Sendable, Identifiable {
    public let id: QuestionID
    public let scope: Scope
    public let type: AnswerType
    /// Optional questions may be skipped with `skip`.
    public let isOptional: Bool
    /// Asked only when this holds; nil means always asked.
    public let askIf: Condition?

    public init(_ id: QuestionID, _ scope: Scope, _ type: AnswerType, optional: Bool = false, askIf: Condition? = nil) {
        self.id = id
        self.scope = scope
        self.type = type
        self.isOptional = optional
        self.askIf = askIf
    }

    /// The name after the module prefix.
    public var name: String { id.split(separator: ".", maxSplits: 1).last.map(String.init) ?? id }
    public var promptKey: String { "question.\(name)" }
    public var helpKey: String { "question.\(name).help" }
    public func choiceKey(_ choice: String) -> String { "question.\(name).choice.\(choice)" }

    /// The keys this question needs in every locale.
    public var textKeys: [String] {
        [promptKey, helpKey] + type.choices.map(choiceKey)
    }
}
