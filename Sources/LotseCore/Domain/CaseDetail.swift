import PluginKit

/// Everything recorded about a case, as `case show` prints it.
public struct CaseDetail: Sendable, Codable, Equatable {
    public struct Member: Sendable, Codable, Equatable {
        public var person: Person
        /// Nil once the person's personal data was archived or erased.
        public var identity: PersonIdentity?
        public var fromDate: LocalDate
        public var toDate: LocalDate?
    }

    public struct AgreementDetail: Sendable, Codable, Equatable {
        public var agreement: Agreement
        public var goals: [GoalDetail]
    }

    public struct GoalDetail: Sendable, Codable, Equatable {
        public var goal: Goal
        public var reviews: [GoalReview]
    }

    public var caseFile: CaseFile
    public var municipality: String
    public var staff: String?
    public var members: [Member]
    /// Every answer given, oldest first: the history of each answer.
    public var answers: [Answer]
    public var agreements: [AgreementDetail]
    /// The review dates set for the case: held, moved, and the one it waits for.
    public var reviews: [ScheduledReview]
    public var conversations: [Conversation]
    public var referrals: [Referral]
    public var outcomes: [Outcome]
    public var moves: [Move]
    public var consents: [Consent]
    public var attachments: [Attachment]
    public var notes: [CaseNote]
}
