import GRDB
import PluginKit

/// A referral to, or joint work with, a regular service (Regeldienst) on a problem.
public struct Referral: Sendable, Equatable, Codable {
    public var id: Int64?
    public var caseId: Int64
    public var personId: Int64?
    public var date: LocalDate
    /// A services.json id.
    public var service: String
    public var problem: String
    public var outcome: String?
    public var sourceRef: String?
    public var origin: String?

    public init(id: Int64? = nil, caseId: Int64, personId: Int64? = nil, date: LocalDate, service: String, problem: String,
                outcome: String? = nil, sourceRef: String? = nil, origin: String? = nil) {
        self.id = id
        self.caseId = caseId
        self.personId = personId
        self.date = date
        self.service = service
        self.problem = problem
        self.outcome = outcome
        self.sourceRef = sourceRef
        self.origin = origin
    }
}

// MARK: - Columns and requests

extension Referral {
    public enum Columns: CaseColumns, PersonColumns {
        static let id = Column("id"), caseId = Column("caseId"), personId = Column("personId"), date = Column("date")
        static let problem = Column("problem"), outcome = Column("outcome")
        static let chronological = [date, id]
    }
}

extension QueryInterfaceRequest<Referral> {
    /// Blanks the referrals' free texts (archiving, erasure): service and date stay.
    func eraseFreeText(_ db: Database) throws {
        try updateAll(db, Referral.Columns.problem.set(to: ""), Referral.Columns.outcome.set(to: nil))
    }
}
