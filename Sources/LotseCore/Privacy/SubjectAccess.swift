import PluginKit

/// Everything stored about one person (GDPR Art. 15): their data, the cases they belong
/// to, what was recorded about them, where their data went and on what consent, and who
/// read or changed it.
public struct SubjectAccess: Sendable, Codable, Equatable {
    public struct CaseEntry: Sendable, Codable, Equatable {
        public var caseId: Int64
        public var municipality: String
        public var status: CaseStatus
        public var openedOn: LocalDate?
        public var closedOn: LocalDate?
        public var memberFrom: LocalDate
        public var memberTo: LocalDate?
    }

    public struct AuditEntry: Sendable, Codable, Equatable {
        public var at: String
        public var actor: String
        public var action: String
        public var record: String
        /// The record's kind (a table) and number, as `record` holds them together.
        public var entity: String
        public var entityId: Int64?
        public var field: String?
    }

    public struct Transfer: Sendable, Codable, Equatable {
        /// "referral" or "handover".
        public var kind: String
        public var to: String
        public var on: LocalDate
        /// The problem situation of a referral; the case id of a handover.
        public var what: String
        /// The consent it rests on, or why there was none.
        public var basis: Basis
    }

    /// What a transfer rests on.
    public enum Basis: Sendable, Codable, Equatable {
        case consent(id: Int64, givenOn: LocalDate)
        /// A referral within counselling, without a written consent on record.
        case counselling
        case withoutConsent(reason: String?)
    }

    public var createdOn: LocalDate
    public var person: Person
    public var identity: PersonIdentity?
    public var cases: [CaseEntry]
    public var answers: [Answer]
    public var goals: [Goal]
    public var conversations: [Conversation]
    public var outcomes: [Outcome]
    public var consents: [Consent]
    public var attachments: [Attachment]
    public var transfers: [Transfer]
    public var accesses: [AuditEntry]
}
