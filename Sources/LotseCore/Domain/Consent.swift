import GRDB
import PluginKit

/// What data may be passed to whom, given and possibly withdrawn on dates.
public struct Consent: Sendable, Equatable, Codable {
    public var id: Int64?
    public var caseId: Int64
    public var personId: Int64?
    /// What may be passed on, e.g. "handover", "referral", or a module id.
    public var scope: String
    /// To whom: a municipality or service.
    public var recipient: String
    public var givenOn: LocalDate
    public var withdrawnOn: LocalDate?
    /// The scanned, signed form.
    public var attachmentId: Int64?

    public init(id: Int64? = nil, caseId: Int64, personId: Int64? = nil, scope: String, recipient: String, givenOn: LocalDate,
                withdrawnOn: LocalDate? = nil, attachmentId: Int64? = nil) {
        self.id = id
        self.caseId = caseId
        self.personId = personId
        self.scope = scope
        self.recipient = recipient
        self.givenOn = givenOn
        self.withdrawnOn = withdrawnOn
        self.attachmentId = attachmentId
    }

    /// Whether the consent stands on a date.
    public func isValid(on date: LocalDate) -> Bool { givenOn <= date && (withdrawnOn.map { date < $0 } ?? true) }
}

// MARK: - Columns and requests

extension Consent {
    public enum Columns: CaseColumns, PersonColumns {
        static let id = Column("id"), caseId = Column("caseId"), personId = Column("personId"), givenOn = Column("givenOn")
        static let attachmentId = Column("attachmentId")
        static let chronological = [givenOn, id]
    }
}
