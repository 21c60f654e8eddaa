

/// A goal a module proposes after an intake: a template, and the person it is for
/// (nil for the household).
public struct GoalSuggestion: Sendable, Hashable {
    public let template: String
    public let person: PersonRef?

    public init(_ template: String, for person: PersonRef? = nil) {
        self.template = template
        self.person = person
    }
}
