import Foundation
import PluginKit

/// One goal decided during an intake, before the agreement is saved: a suggested goal
/// accepted (as proposed or edited) or declined, or a goal added from a template.
/// Saved the moment it is made (`CaseStore.saveProposedGoal`).
public struct ProposedGoal: Sendable, Codable, Equatable {
    public var module: String
    public var template: String
    public var personId: Int64?
    /// Whether it was one of the modules' suggestions (else added from a template).
    public var suggested: Bool
    public var accepted: Bool
    public var title: String
    public var dueOn: LocalDate
    public var responsible: ResponsibleParty

    public init(_ goal: NewGoal, suggested: Bool, accepted: Bool) {
        module = goal.module
        template = goal.template.id
        personId = goal.personId
        self.suggested = suggested
        self.accepted = accepted
        title = goal.title
        dueOn = goal.dueOn
        responsible = goal.responsible
    }

    /// Whether it decides this suggestion (the same template for the same person).
    public func decides(module: String, template: String, personId: Int64?) -> Bool {
        suggested && self.module == module && self.template == template && self.personId == personId
    }

    /// The goal to save, with its template from the vocabulary (nil if the module is gone).
    public func goal(_ vocabulary: Vocabulary) -> NewGoal? {
        guard accepted, let template = vocabulary.templates[module]?[template] else { return nil }
        return NewGoal(template: template, module: module, personId: personId, title: title, dueOn: dueOn, responsible: responsible)
    }
}
