import GRDB
import PluginKit

/// An archived case: the bundle its data went into, and when (table `archiveEntry`,
/// the archive index; no personal data).
struct ArchiveEntry: Codable, FetchableRecord, PersistableRecord {
    var caseId: Int64
    var bundleFile: String
    var sha256: String
    var closedOn: LocalDate
    var archivedOn: LocalDate

    static let databaseTableName = "archiveEntry"

    enum Columns {
        static let caseId = Column(CodingKeys.caseId)
    }

    /// Every archived case, by case number.
    static var index: QueryInterfaceRequest<ArchiveEntry> { order(Columns.caseId) }
}
