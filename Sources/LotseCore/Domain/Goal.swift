import GRDB
import PluginKit

/// A goal of an agreement (Zielvereinbarung), from a module's template.
public struct Goal: Sendable, Equatable, Codable {
    public var id: Int64?
    public var agreementId: Int64
    /// The person the goal is for; nil for a household goal.
    public var personId: Int64?
    public var module: String
    public var template: String
    public var title: String
    public var dueOn: LocalDate
    public var responsible: ResponsibleParty
    public var status: GoalStatus
    public var statusOn: LocalDate?
    /// Why a goal was dropped.
    public var note: String?
    public var sourceRef: String?

    public init(id: Int64? = nil, agreementId: Int64, personId: Int64?, module: String, template: String, title: String,
                dueOn: LocalDate, responsible: ResponsibleParty, status: GoalStatus = .open, statusOn: LocalDate? = nil,
                note: String? = nil, sourceRef: String? = nil) {
        self.id = id
        self.agreementId = agreementId
        self.personId = personId
        self.module = module
        self.template = template
        self.title = title
        self.dueOn = dueOn
        self.responsible = responsible
        self.status = status
        self.statusOn = statusOn
        self.note = note
        self.sourceRef = sourceRef
    }
}

// MARK: - Columns and requests

extension Goal {
    public enum Columns: PersonColumns {
        static let id = Column("id"), agreementId = Column("agreementId"), personId = Column("personId"), note = Column("note")
    }

    /// The goals of these cases' agreements, in the order they were agreed.
    static func ofCases(_ caseIds: [Int64]) -> QueryInterfaceRequest<Goal> {
        filter(Agreement.ofCases(caseIds).select(Agreement.Columns.id).contains(Columns.agreementId)).order(Columns.id)
    }

    /// An agreement's goals in the order they were agreed.
    static func ofAgreement(_ agreementId: Int64?) -> QueryInterfaceRequest<Goal> {
        filter(Columns.agreementId == agreementId).order(Columns.id)
    }
}
