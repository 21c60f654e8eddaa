import GRDB

/// One legacy import (table `importBatch`): its files' fingerprint, so the same files
/// are never imported twice, and how many rows they held.
struct ImportBatch: Codable, IdentifiedRecord {
    var id: Int64?
    var fingerprint: String
    var importedAt: String
    var source: String
    var rows: Int

    static let databaseTableName = "importBatch"

    enum Columns {
        static let fingerprint = Column(CodingKeys.fingerprint)
    }

    /// The import of the files with this fingerprint, if they were imported.
    static func of(fingerprint: String) -> QueryInterfaceRequest<ImportBatch> {
        filter(Columns.fingerprint == fingerprint)
    }
}
