import PluginKit

/// An integration agreement (Integrationsvereinbarung): one per family or adult
/// individual, holding the agreed goals.
public struct Agreement: Sendable, Equatable, Codable {
    public var id: Int64?
    public var caseId: Int64
    public var signedOn: LocalDate
    public var nextReviewOn: LocalDate?
    public var sourceRef: String?
    public var origin: String?

    public init(id: Int64? = nil, caseId: Int64, signedOn: LocalDate, nextReviewOn: LocalDate? = nil,
                sourceRef: String? = nil, origin: String? = nil) {
        self.id = id
        self.caseId = caseId
        self.signedOn = signedOn
        self.nextReviewOn = nextReviewOn
        self.sourceRef = sourceRef
        self.origin = origin
    }
}

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

/// A review of a goal in a follow-up conversation.
public struct GoalReview: Sendable, Equatable, Codable {
    public var id: Int64?
    public var goalId: Int64
    public var reviewedOn: LocalDate
    public var result: GoalStatus
    public var newDueOn: LocalDate?
    public var note: String?

    public init(id: Int64? = nil, goalId: Int64, reviewedOn: LocalDate, result: GoalStatus, newDueOn: LocalDate? = nil, note: String? = nil) {
        self.id = id
        self.goalId = goalId
        self.reviewedOn = reviewedOn
        self.result = result
        self.newDueOn = newDueOn
        self.note = note
    }
}
