import PluginKit

/// A goal agreed at the end of an intake: from a template, possibly edited.
public struct NewGoal: Sendable {
    public var template: GoalTemplate
    public var module: String
    public var personId: Int64?
    public var title: String
    public var dueOn: LocalDate
    public var responsible: ResponsibleParty

    public init(template: GoalTemplate, module: String, personId: Int64?, title: String, dueOn: LocalDate, responsible: ResponsibleParty) {
        self.template = template
        self.module = module
        self.personId = personId
        self.title = title
        self.dueOn = dueOn
        self.responsible = responsible
    }
}
