import GRDB
import PluginKit

/// A case offered to the archive before deletion (table `archiveOffer`): the process
/// (the ProzessID every message of the Aussonderung carries), the case's object id in
/// it, and how far it got. No personal data; the row stays after the case is purged,
/// so a late message about it is recognised.
struct ArchiveOffer: Codable, FetchableRecord, PersistableRecord, Equatable {
    enum Decision: String, Codable, DatabaseValueConvertible {
        case archive, destroy
    }

    var caseId: Int64
    var process: String
    var objectId: String
    var offeredOn: LocalDate
    /// The archive's 0504: the offer arrived.
    var offerReceivedOn: LocalDate?
    /// The archive's 0502.
    var decision: Decision?
    var decidedOn: LocalDate?
    /// The 0503 that handed the case to the archive.
    var handedOffOn: LocalDate?
    /// The archive's reference from its 0506.
    var archiveRef: String?
    var purgedOn: LocalDate?

    static let databaseTableName = "archiveOffer"

    enum Columns {
        static let caseId = Column(CodingKeys.caseId), process = Column(CodingKeys.process), objectId = Column(CodingKeys.objectId)
        static let decision = Column(CodingKeys.decision), handedOffOn = Column(CodingKeys.handedOffOn), purgedOn = Column(CodingKeys.purgedOn)
    }

    static func ofProcess(_ process: String) -> QueryInterfaceRequest<ArchiveOffer> { filter(Columns.process == process).order(Columns.caseId) }

    /// Decided for the archive, not yet handed to it.
    static var toHandOff: QueryInterfaceRequest<ArchiveOffer> {
        filter(Columns.decision == Decision.archive.rawValue && Columns.handedOffOn == nil && Columns.purgedOn == nil).order(Columns.process, Columns.caseId)
    }
}
