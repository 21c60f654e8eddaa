import GRDB
import PluginKit

/// A bundle sent from here or received here (table `handover`): a received bundle is
/// imported once only; a sent one waits for the receiver's receipt.
struct Handover: Codable, FetchableRecord, IdentifiedRecord {
    enum Direction: String, Codable, DatabaseValueConvertible {
        case sent = "out", received = "in"
    }

    var id: Int64?
    var caseId: Int64
    var direction: Direction
    var bundleId: String
    /// The receiving municipality of a sent bundle, the sending one of a received bundle.
    var counterpart: String
    var handedOverOn: LocalDate
    var sha256: String
    var withoutConsentReason: String?
    /// When the receiver's receipt for a sent bundle was confirmed here, and by whom.
    var receiptOn: LocalDate?
    var receiptSignedBy: String?
    var receiverCaseId: Int64?
    /// For an xdomea handover: when the receiver's `Abgabe.EmpfangBestaetigen.0403`
    /// was recorded, and what its `Abgabe.ImportBestaetigen.0402` reported as failed.
    var deliveredOn: LocalDate?
    var importFailure: String?

    static let databaseTableName = "handover"

    enum Columns: CaseColumns {
        static let id = Column(CodingKeys.id), caseId = Column(CodingKeys.caseId), direction = Column(CodingKeys.direction)
        static let bundleId = Column(CodingKeys.bundleId), handedOverOn = Column(CodingKeys.handedOverOn)
        static let chronological = [handedOverOn, id]
    }

    /// The bundle with this id, sent or received.
    static func bundle(_ bundleId: String, _ direction: Direction) -> QueryInterfaceRequest<Handover> {
        filter(Columns.direction == direction.rawValue && Columns.bundleId == bundleId)
    }

    /// The bundles sent for these cases.
    static func sent(ofCases caseIds: [Int64]) -> QueryInterfaceRequest<Handover> {
        ofCases(caseIds).filter(Columns.direction == Direction.sent.rawValue)
    }

    /// Newest first; only those of one municipality's cases when given.
    static func listed(in municipalityId: Int64?) -> QueryInterfaceRequest<Handover> {
        let request = order(Columns.handedOverOn.desc, Columns.id.desc)
        return municipalityId.map { request.filter(CaseFile.ids(in: $0).contains(Columns.caseId)) } ?? request
    }
}
