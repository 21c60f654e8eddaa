import GRDB
import PluginKit

/// An integration agreement (Integrationsvereinbarung): one per family or adult
/// individual, holding the agreed goals.
public struct Agreement: Sendable, Equatable, Codable {
    public var id: Int64?
    public var caseId: Int64
    public var signedOn: LocalDate
    public var nextReviewOn: LocalDate?
    /// Who interpreted when it was made, where someone did: they sign it too.
    public var interpreter: String?
    public var sourceRef: String?
    public var origin: String?

    public init(id: Int64? = nil, caseId: Int64, signedOn: LocalDate, nextReviewOn: LocalDate? = nil, interpreter: String? = nil,
                sourceRef: String? = nil, origin: String? = nil) {
        self.id = id
        self.caseId = caseId
        self.signedOn = signedOn
        self.nextReviewOn = nextReviewOn
        self.interpreter = interpreter
        self.sourceRef = sourceRef
        self.origin = origin
    }
}

// MARK: - Columns and requests

extension Agreement {
    public enum Columns: CaseColumns {
        static let id = Column("id"), caseId = Column("caseId"), signedOn = Column("signedOn")
        static let chronological = [signedOn, id]
    }
}
