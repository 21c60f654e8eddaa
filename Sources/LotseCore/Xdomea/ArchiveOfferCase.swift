import PluginKit

/// What an archivist needs to appraise a case, from what the database still holds
/// after archiving: no names unless the county asks for them (`archiveOfferNames`).
public struct ArchiveOfferCase: Sendable, Equatable {
    public var caseId: Int64
    public var kind: CaseKind
    public var municipality: String
    public var begin: LocalDate?
    public var closedOn: LocalDate
    public var closureReason: String?
    public var persons: Int
    /// ISO 3166-1 codes of the persons' countries of origin.
    public var countries: [String]
    /// Topics of the conversations (core topics and module ids).
    public var topics: [String]
    public var retentionEnds: LocalDate
    /// The persons' names (family, given), read from the archive bundle when asked for.
    public var names: [(family: String?, given: String?)] = []

    public static func == (lhs: ArchiveOfferCase, rhs: ArchiveOfferCase) -> Bool {
        lhs.caseId == rhs.caseId && lhs.retentionEnds == rhs.retentionEnds && lhs.names.map(\.family) == rhs.names.map(\.family)
    }
}

/// Why `batch purge` may delete an archived case past retention, or why not yet.
public enum PurgeStanding: Sendable, Equatable {
    /// `archiveOffer` is off: the county's archive waived its right.
    case offerOff
    /// The archive appraised it as not of lasting value.
    case declined(LocalDate)
    /// Offered on this date, no answer within `archiveAnswerMonths`.
    case unanswered(LocalDate)
    /// Held: never offered (`batch offer` first).
    case notOffered
    /// Held: offered, the archive may still answer until this date.
    case awaitingAnswer(until: LocalDate)
    /// Held: the archive takes it (after its 0506 confirms, the case goes).
    case toArchive

    public var allowsPurge: Bool {
        switch self {
        case .offerOff, .declined, .unanswered: true
        case .notOffered, .awaitingAnswer, .toArchive: false
        }
    }
}
