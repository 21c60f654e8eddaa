import GRDB
import PluginKit

/// What is left of a purged case: its number, dates and bundle, nothing personal
/// (table `purgeLog`).
struct PurgeLogEntry: Codable, PersistableRecord {
    var caseRef: String
    var closedOn: LocalDate
    var archivedOn: LocalDate?
    var purgedOn: LocalDate
    var bundleFile: String?
    /// The archive's reference, where the archive took the case instead.
    var archiveRef: String?

    static let databaseTableName = "purgeLog"
}
