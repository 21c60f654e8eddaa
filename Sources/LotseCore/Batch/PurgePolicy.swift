import Foundation
import PluginKit

/// `batch purge`: deletes the archive bundle and every remaining trace of the archived
/// cases whose retention period has ended; a deletion log without personal data stays.
public struct PurgePolicy: BatchPolicy {
    public let store: CaseStore
    public let retentionYears: Int
    /// The folder of the archive bundles, when they are to be deleted too.
    public let archive: URL?
    /// The deployment's catalog, for the archive's index.
    public let catalog: Catalog

    public init(store: CaseStore, retentionYears: Int, archive: URL?, catalog: Catalog) {
        self.store = store
        self.retentionYears = retentionYears
        self.archive = archive
        self.catalog = catalog
    }

    public func candidates(on date: LocalDate) throws -> [ArchiveCandidate] {
        try store.purgeCandidates(retentionYears: retentionYears, on: date)
    }

    public func caseId(of candidate: ArchiveCandidate) -> Int64 { candidate.caseId }

    public func preview(_ candidate: ArchiveCandidate) -> Message {
        Message("batch.wouldPurge", ["case": .number(candidate.caseId), "date": .date(candidate.closedOn), "years": .number(retentionYears)])
    }

    public func apply(_ candidate: ArchiveCandidate, index: Int, on date: LocalDate) throws -> Message {
        if let archive, let file = candidate.bundleFile {
            let path = archive.appendingPathComponent(file).path
            if FileManager.default.fileExists(atPath: path) { try FileManager.default.removeItem(atPath: path) }
        }
        try store.purge(candidate, on: date)
        return Message("batch.purged", ["case": .number(candidate.caseId), "date": .date(candidate.closedOn)])
    }

    /// The index lists what is left.
    public func finish() throws {
        if let archive { try Archiver.writeIndex(store: store, folder: archive, catalog: catalog) }
    }
}
