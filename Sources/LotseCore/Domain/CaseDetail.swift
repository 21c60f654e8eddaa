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
    public var conversations: [Conversation]
    public var referrals: [Referral]
    public var outcomes: [Outcome]
    public var moves: [Move]
    public var consents: [Consent]
    public var attachments: [Attachment]
    public var notes: [CaseNote]
}

/// One row of `case list`.
public struct CaseSummary: Sendable, Codable, Equatable {
    public var id: Int64
    public var kind: CaseKind
    public var status: CaseStatus
    public var municipality: String
    public var staff: String?
    /// The family name of the individual, or of the household's first member.
    public var name: String?
    public var persons: Int
    public var openedOn: LocalDate?
    public var nextReviewOn: LocalDate?
}

/// Filters and page of `case list`.
public struct CaseFilter: Sendable {
    public var municipality: String?
    public var status: CaseStatus?
    public var staff: String?
    public var page = 1
    public var pageSize = 50

    public init(municipality: String? = nil, status: CaseStatus? = nil, staff: String? = nil, page: Int = 1, pageSize: Int = 50) {
        self.municipality = municipality
        self.status = status
        self.staff = staff
        self.page = page
        self.pageSize = pageSize
    }
}
