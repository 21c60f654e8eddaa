import ArgumentParser
import Foundation
import LotseCore
import PluginKit

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

        func run() throws {
            let session = try store.session()
            let lock = try BatchLock(database: session.store.database.path)
            defer { withExtendedLifetime(lock) {} }
            let candidates = try session.store.archiveCandidates(closedBefore: closedBefore)
            if dryRun {
                for candidate in candidates { print("would archive case \(candidate.caseId) (closed \(candidate.closedOn.german))") }
                return print("dry run: nothing changed; \(candidates.count) cases would be archived")
            }
            let folder = URL(fileURLWithPath: out)
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            var archiver = try Archiver(store: session.store, resources: session.context.resources, folder: folder,
                                    passphrase: try Passphrase.read(file: passphraseFile, confirm: true))
            archiver.afterBundle = TestHook.killAfter("LOTSE_TEST_KILL_AFTER_BUNDLE")
            var progress = Progress(total: candidates.count)
            var failures = 0
            for candidate in candidates {
                do {
                    let path = try archiver.archive(candidate, on: date.date)
                    progress.step("archived case \(candidate.caseId) → \(URL(fileURLWithPath: path).lastPathComponent)")
                } catch let error as any LotseError {
                    failures += 1
                    progress.step("FAILED case \(candidate.caseId): \(error.message)")
                }
            }
            try Archiver.writeIndex(store: session.store, folder: folder)
            progress.finish("\(candidates.count - failures) cases archived to \(out)")
            if failures > 0 { throw DataError("\(failures) case(s) could not be archived; see the lines marked FAILED and run again") }
        }
    }
}
