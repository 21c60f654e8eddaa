import Foundation
import PluginKit

/// `batch purge`: deletes the archive bundle and every remaining trace of the archived
/// cases whose retention period has ended, and which the archive declined or did not
/// claim in time (all of them when `archiveOffer` is off); a deletion log without
/// personal data stays.
public struct PurgePolicy: BatchPolicy {
    public let store: CaseStore
    public let retentionYears: Int
    /// Whether cases are offered to the archive first, and how long it has to answer.
    public let offer: Bool
    public let answerMonths: Int
    /// The folder of the archive bundles, when they are to be deleted too.
    public let archive: URL?
    /// The deployment's catalog, for the archive's index.
    public let catalog: Catalog

    /// A case to delete, with why it may go.
    public struct Candidate: Sendable {
        public var archived: ArchiveCandidate
        public var standing: PurgeStanding
    }

    public init(store: CaseStore, deployment: Deployment, archive: URL?, catalog: Catalog) {
        self.store = store
        self.retentionYears = deployment.retentionYears
        self.offer = deployment.archiveOffer
        self.answerMonths = deployment.archiveAnswerMonths
        self.archive = archive
        self.catalog = catalog
    }

    /// Every archived case past retention with how it stands.
    public func standings(on date: LocalDate) throws -> [Candidate] {
        try store.purgeStandings(retentionYears: retentionYears, offer: offer, answerMonths: answerMonths, on: date).map(Candidate.init)
    }

    public func candidates(on date: LocalDate) throws -> [Candidate] {
        try standings(on: date).filter(\.standing.allowsPurge)
    }

    public func caseId(of candidate: Candidate) -> Int64 { candidate.archived.caseId }

    public func preview(_ candidate: Candidate) -> Message {
        Message("batch.wouldPurgeBecause", ["case": .number(candidate.archived.caseId), "date": .date(candidate.archived.closedOn), "years": .number(retentionYears),
                                            "reason": .message(Self.reason(candidate.standing, answerMonths: answerMonths))])
    }

    /// Why a case may go, or is held, in words.
    public static func reason(_ standing: PurgeStanding, answerMonths: Int) -> Message {
        switch standing {
        case .offerOff: "purge.offerOff"
        case .declined(let date): Message("purge.declined", ["date": .date(date)])
        case .unanswered(let date): Message("purge.unanswered", ["date": .date(date), "months": .number(answerMonths)])
        case .notOffered: "purge.notOffered"
        case .awaitingAnswer(let until): Message("purge.awaiting", ["date": .date(until)])
        case .toArchive: "purge.toArchive"
        }
    }

    public func apply(_ candidate: Candidate, index: Int, on date: LocalDate) throws -> Message {
        try Self.delete(candidate.archived, store: store, archive: archive, on: date)
        return Message("batch.purged", ["case": .number(candidate.archived.caseId), "date": .date(candidate.archived.closedOn)])
    }

    /// Deletes a case's archive bundle (when the folder is given) and every trace of it.
    static func delete(_ archived: ArchiveCandidate, store: CaseStore, archive: URL?, on date: LocalDate, archiveRef: String? = nil) throws {
        if let archive, let file = archived.bundleFile {
            let path = archive.appendingPathComponent(file).path
            if FileManager.default.fileExists(atPath: path) { try FileManager.default.removeItem(atPath: path) }
        }
        try store.purge(archived, on: date, archiveRef: archiveRef)
    }

    /// The index lists what is left.
    public func finish() throws {
        if let archive { try Archiver.writeIndex(store: store, folder: archive, catalog: catalog) }
    }
}
