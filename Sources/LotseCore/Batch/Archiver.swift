import Foundation
import PluginKit

/// `batch archive`: each closed case becomes an encrypted archive bundle, then its
/// personal data leaves the live database. Safe to interrupt anywhere: a bundle is
/// written under a temporary name and renamed when verified; the database change is
/// one transaction per case; a rerun reuses a verified bundle left by a killed run,
/// so no case is lost, duplicated or half-archived.
public struct Archiver: BatchPolicy {
    public let store: CaseStore
    /// Cases closed before this date are archived.
    public let closedBefore: LocalDate
    public let folder: URL
    public let passphrase: String
    /// Called after a bundle is written and verified, before the database changes
    /// (tests use it to kill the process at the worst moment).
    public var afterBundle: (@Sendable (Int64) -> Void)?

    /// The texts and templates of the summaries (the deployment's language), loaded once per run.
    private let catalog: Catalog
    private let templates: DocumentTemplates

    /// Every how many new bundles one is read back and decrypted in full.
    public static let fullCheckEvery = 50

    /// The folder is the user's: bundles are written in lotse's scratch folder and
    /// handed over with the user's rights (`UserRights`).
    public init(store: CaseStore, closedBefore: LocalDate, resources: URL, locale: String, folder: URL, passphrase: String) throws {
        (catalog, templates) = try BundleSummary.documents(resources: resources, locale: locale)
        self.store = store
        self.closedBefore = closedBefore
        self.folder = folder
        self.passphrase = passphrase
    }

    /// Under the batch lock: every partial file in `folder` is then a killed run's.
    public func prepare() throws {
        try UserRights.asUser {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            PartialFile.removeStale(in: folder, evenRunning: true)
        }
    }

    public func candidates(on date: LocalDate) throws -> [ArchiveCandidate] {
        try store.archiveCandidates(closedBefore: closedBefore)
    }

    public func caseId(of candidate: ArchiveCandidate) -> Int64 { candidate.caseId }

    public func preview(_ candidate: ArchiveCandidate) -> Message {
        Message("batch.wouldArchive", ["case": .number(candidate.caseId), "date": .date(candidate.closedOn)])
    }

    /// One case; a sample of the new bundles is read back in full (see `archive`).
    public func apply(_ candidate: ArchiveCandidate, index: Int, on date: LocalDate) throws -> Message {
        let path = try archive(candidate, on: date, fullCheck: index % Self.fullCheckEvery == 0)
        return Message("batch.archived", ["case": .number(candidate.caseId), "file": .text(URL(fileURLWithPath: path).lastPathComponent)])
    }

    /// The index anew, and the deleted personal data out of the WAL file.
    public func finish() throws {
        try Self.writeIndex(store: store, folder: folder, catalog: catalog)
        try store.checkpoint()
    }

    /// One worker per core: the bundles' encryption (PBKDF2 per entry) keeps a core
    /// busy; the database steps stay one transaction per case.
    public var workers: Int { ProcessInfo.processInfo.activeProcessorCount }

    /// The bundle file of a case: derived from the case id only, so a rerun finds it.
    public static func fileName(_ caseId: Int64) -> String { "lotse-archive-case-\(caseId).zip" }

    /// Archives one case; returns the bundle's path. A bundle left by an earlier run is
    /// verified in full (decrypted, every checksum) before it is trusted; a bundle
    /// written now is flushed to disk and checked without decrypting, and in full
    /// when `fullCheck` is set (the command does that for a sample, which catches a
    /// writer or passphrase that is wrong for every bundle at a fraction of the cost).
    public func archive(_ candidate: ArchiveCandidate, on date: LocalDate, fullCheck: Bool = true) throws -> String {
        let path = folder.appendingPathComponent(Self.fileName(candidate.caseId)).path
        let reader = BundleReader(passphrase: passphrase, trustedKeys: [])
        let sha256: String
        if let earlier = try? earlierBundle(path, reader: reader), earlier.bundle.sender.caseId == candidate.caseId {
            sha256 = earlier.sha256
        } else {
            UserRights.asUser { try? FileManager.default.removeItem(atPath: path) }
            let (bundle, files) = try store.exportBundle(candidate.caseId, to: "Archiv", on: date, purpose: .archive)
            let summary = try BundleSummary(bundle: bundle, catalog: catalog, templates: templates).render()
            let staging = UserRights.staging(for: path)
            let written = try BundleWriter(passphrase: passphrase).write(bundle, files: files, summary: summary, to: staging.path)
            try BundleReader.check(written)
            sha256 = written.sha256
            if fullCheck {
                let verified = try reader.read(staging.path)
                guard verified.bundle.sender.caseId == candidate.caseId, verified.sha256 == sha256 else {
                    throw DataError("archive.readBack", ["case": .number(candidate.caseId)])
                }
            }
            try UserRights.deliver(staging, to: path)
        }
        afterBundle?(candidate.caseId)
        for file in try store.stripPersonalData(candidate.caseId, bundleFile: Self.fileName(candidate.caseId), sha256: sha256, on: date) {
            try? FileManager.default.removeItem(at: file)
        }
        return path
    }

    /// A bundle left by an earlier run, verified in full; nil when there is none.
    private func earlierBundle(_ path: String, reader: BundleReader) throws -> VerifiedBundle? {
        guard UserRights.asUser({ FileManager.default.fileExists(atPath: path) }) else { return nil }
        let fetched = try UserRights.fetch(path)
        defer { fetched.discard() }
        return try reader.read(fetched.url.path)
    }

    /// Writes index.csv (case, closed, archived, bundle file — no personal data) anew, as
    /// the deployment's spreadsheets read it: its headers, delimiter and dates.
    public static func writeIndex(store: CaseStore, folder: URL, catalog: Catalog) throws {
        let rows = try store.archiveIndex()
        let delimiter = catalog.render(Message("format.csvDelimiter"))
        let header = catalog.render(Message("archive.indexColumns")).split(separator: "|").joined(separator: delimiter)
        let text = header + "\n" + rows.map {
            [String($0.caseId), catalog.date($0.closedOn), $0.archivedOn.map(catalog.date) ?? "", $0.bundleFile ?? ""].joined(separator: delimiter)
        }.joined(separator: "\n") + "\n"
        let index = folder.appendingPathComponent("index.csv").path
        let staging = UserRights.staging(for: index)
        try PartialFile.write(Data(text.utf8), to: staging)
        try UserRights.deliver(staging, to: index)
    }
}
