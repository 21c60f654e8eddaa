import PluginKit

/// A case (Fall): a family, covering its household, or one adult individual.
public struct CaseFile: Sendable, Equatable, Codable {
    public var id: Int64?
    public var kind: CaseKind
    public var householdId: Int64
    /// The adult an individual case is about; nil for a family case.
    public var personId: Int64?
    public var municipalityId: Int64
    /// The responsible integration manager.
    public var staffId: Int64?
    public var status: CaseStatus
    public var waitlistedOn: LocalDate?
    public var openedOn: LocalDate?
    public var closedOn: LocalDate?
    public var closureReason: String?
    /// Care beyond the funded maximum is justified (batch close allows a fourth year).
    public var justifiedExtension: Bool
    public var nextReviewOn: LocalDate?
    public var sourceRef: String?
    public var origin: String?
    /// When support began, if before this case opened (a case handed over keeps the
    /// sender's start); nil: when it opened.
    public var supportSince: LocalDate?
    /// When the extension was granted, and why.
    public var extendedOn: LocalDate?
    public var extensionReason: String?

    /// The start of the support-duration clock.
    public var supportStart: LocalDate? { supportSince ?? openedOn }

    public init(id: Int64? = nil, kind: CaseKind, householdId: Int64, personId: Int64? = nil, municipalityId: Int64,
                staffId: Int64? = nil, status: CaseStatus, waitlistedOn: LocalDate? = nil, openedOn: LocalDate? = nil,
                closedOn: LocalDate? = nil, closureReason: String? = nil, justifiedExtension: Bool = false,
                nextReviewOn: LocalDate? = nil, sourceRef: String? = nil, origin: String? = nil, supportSince: LocalDate? = nil) {
        self.id = id
        self.kind = kind
        self.householdId = householdId
        self.personId = personId
        self.municipalityId = municipalityId
        self.staffId = staffId
        self.status = status
        self.waitlistedOn = waitlistedOn
        self.openedOn = openedOn
        self.closedOn = closedOn
        self.closureReason = closureReason
        self.justifiedExtension = justifiedExtension
        self.nextReviewOn = nextReviewOn
        self.sourceRef = sourceRef
        self.origin = origin
        self.supportSince = supportSince
    }
}
