import GRDB
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

// MARK: - Columns and requests

extension CaseFile {
    public enum Columns {
        static let id = Column("id"), status = Column("status"), municipalityId = Column("municipalityId")
        static let householdId = Column("householdId"), openedOn = Column("openedOn"), closedOn = Column("closedOn")
    }

    /// The ids of one municipality's cases.
    static func ids(in municipalityId: Int64) -> QueryInterfaceRequest<CaseFile> {
        filter(Columns.municipalityId == municipalityId).select(Columns.id)
    }

    /// Cases still worked on (active or waiting), newest first; of one municipality when given.
    static func open(in municipalityId: Int64?) -> QueryInterfaceRequest<CaseFile> {
        let request = filter([CaseStatus.active, .waiting].map(\.rawValue).contains(Columns.status)).order(Columns.id.desc)
        return municipalityId.map { request.filter(Columns.municipalityId == $0) } ?? request
    }

    /// Closed cases (not yet archived) closed before a date, oldest first.
    static func closed(before date: LocalDate) -> QueryInterfaceRequest<CaseFile> {
        filter(Columns.status == CaseStatus.closed.rawValue && Columns.closedOn < date).order(Columns.closedOn, Columns.id)
    }
}
