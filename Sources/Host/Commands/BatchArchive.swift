import ArgumentParser
import Foundation
import LotseCore
import PluginKit
import Synchronization

extension Lotse.BatchCommand {
    struct Archive: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "archive",
            abstract: "Archive closed cases: an encrypted bundle each plus index.csv, then their personal data leaves the database.",
            discussion: "Reports for past dates stay the same. Interrupt it anywhere and run it again: it finishes the job."
        )
        @OptionGroup var store: StoreOptions
        @Option(name: .customLong("closed-before"), help: ArgumentHelp("Archive cases closed before this date.", valueName: "date")) var closedBefore: LocalDate
        @Option(help: ArgumentHelp("Folder for the archive bundles and index.csv.", valueName: "dir")) var out: String
        @Option(name: .customLong("passphrase-file"), help: ArgumentHelp("The archive passphrase (else asked twice).", valueName: "file")) var passphraseFile: String?
        @Flag(name: .customLong("dry-run"), help: "List the cases; change nothing.") var dryRun = false
        @OptionGroup var date: DateOption

        /// Every how many new bundles one is read back and decrypted in full.
        static let fullCheckEvery = 50

        func run() throws {
            let session = try store.session()
            let lock = try BatchLock(database: session.store.database.path)
            defer { withExtendedLifetime(lock) {} }
            let candidates = try session.store.archiveCandidates(closedBefore: closedBefore)
            if dryRun {
                for candidate in candidates { Console.say("batch.wouldArchive", ["case": .number(candidate.caseId), "date": .date(candidate.closedOn)]) }
                return Console.say("batch.archiveDryRun", ["count": .number(candidates.count)])
            }
            let folder = URL(fileURLWithPath: out)
            try UserRights.asUser {  // the user's folder (`UserRights`)
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            }
            var archiver = try Archiver(store: session.store, resources: session.context.resources, locale: session.context.catalog.locale, folder: folder,
                                    passphrase: try Passphrase.read(file: passphraseFile, confirm: true))
            archiver.afterBundle = TestHook.killAfter("LOTSE_TEST_KILL_AFTER_BUNDLE")
            // One worker per core: the bundles' encryption (PBKDF2 per entry) keeps a core busy;
            // the database steps stay one transaction per case.
            let progress = Mutex(Progress(total: candidates.count))
            let next = Mutex(0), failures = Mutex(0)
            let worker = archiver, on = date.date
            let workers = ProcessInfo.processInfo.activeProcessorCount
            DispatchQueue.concurrentPerform(iterations: min(workers, max(1, candidates.count))) { _ in
                while true {
                    let index = next.withLock { value -> Int in defer { value += 1 }; return value }
                    guard index < candidates.count else { return }
                    let candidate = candidates[index]
                    do {
                        let path = try worker.archive(candidate, on: on, fullCheck: index % Self.fullCheckEvery == 0)
                        progress.withLock { $0.step(Console.text("batch.archived", ["case": .number(candidate.caseId), "file": .text(URL(fileURLWithPath: path).lastPathComponent)])) }
                    } catch {
                        failures.withLock { $0 += 1 }
                        progress.withLock { $0.step(Console.text("batch.failed", ["case": .number(candidate.caseId), "error": .message(Console.message(for: error))]), failed: true) }
                    }
                }
            }
            let failed = failures.withLock { $0 }
            try Archiver.writeIndex(store: session.store, folder: folder)
            progress.withLock { $0.finish(Console.text("batch.archivedAll", ["count": .number(candidates.count - failed), "folder": .text(out)])) }
            if failed > 0 { throw DataError("batch.archiveFailures", ["count": .number(failed)]) }
        }
    }
}
