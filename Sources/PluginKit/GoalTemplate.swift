
/// A SMART goal agreement (Zielvereinbarung) a module offers. Its title and full text
/// are locale keys; the numbers here are defaults the manager may change.
public struct GoalTemplate: Sendable, Identifiable {
    /// "<module>.<name>", stable: agreements reference it.
    public let id: String
    /// Whom the goal is for (a household goal is agreed with the whole family).
    public let scope: Scope
    /// Months from the agreement to the due date.
    public let dueAfterMonths: Int
    /// Months between reviews of the goal.
    public let reviewEveryMonths: Int
    public let responsible: ResponsibleParty
    /// The regular service (services.json id) the goal usually involves.
    public let service: String?
    /// The outcome kind (of this module) recorded when the goal is achieved.
    public let outcome: String?

    public init(_ id: String, for scope: Scope, dueAfterMonths: Int, reviewEveryMonths: Int,
                responsible: ResponsibleParty, service: String? = nil, outcome: String? = nil) {
        self.id = id
        self.scope = scope
        self.dueAfterMonths = dueAfterMonths
        self.reviewEveryMonths = reviewEveryMonths
        self.responsible = responsible
        self.service = service
        self.outcome = outcome
    }

    public var name: String { id.split(separator: ".", maxSplits: 1).last.map(String.init) ?? id }
    public var titleKey: String { "goal.\(name).title" }
    /// The SMART wording: specific, measurable, agreed, realistic, with its deadline.
    public var textKey: String { "goal.\(name).text" }
}
