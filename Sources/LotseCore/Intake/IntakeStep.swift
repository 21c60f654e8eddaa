import PluginKit

/// One question asked about one person (or the household).
public struct IntakeStep: Sendable, Hashable {
    public let module: String
    public let question: QuestionID
    /// Nil for a household question.
    public let personId: Int64?

    public init(module: String, question: QuestionID, personId: Int64?) {
        self.module = module
        self.question = question
        self.personId = personId
    }

    /// A stable text form, stored to resume a paused intake: "language.in_course@12".
    public var key: String { personId.map { "\(question)@\($0)" } ?? question }
}
