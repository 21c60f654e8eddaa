import ArgumentParser
import Foundation
import LotseCore
import PluginKit

extension Lotse.BatchCommand {
    struct Archive: LotseCommand {
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

        func run(in source: SessionSource) throws {
            let session = try source.session(store)
            let voice = session.voice
            let folder = URL(fileURLWithPath: out)
            // A dry run writes nothing, so it needs no passphrase.
            var archiver = try Archiver(store: session.store, closedBefore: closedBefore, resources: session.context.resources,
                                        locale: session.context.catalog.locale, folder: folder,
                                        passphrase: dryRun ? "" : try Passphrase.read(file: passphraseFile, confirm: true, voice: voice))
            archiver.afterBundle = TestHook.killAfter("LOTSE_TEST_KILL_AFTER_BUNDLE")
            let (results, failed) = try BatchRun(store: session.store, policy: archiver).show(on: dryRun ? date.date : try date.destructive(), dryRun: dryRun, bar: true, voice: voice)
            if dryRun { return voice.say("batch.archiveDryRun", ["count": .number(results.count)]) }
            voice.say("batch.archivedAll", ["count": .number(results.count - failed), "folder": .text(out)])
            if failed > 0 { throw DataError("batch.archiveFailures", ["count": .number(failed)]) }
        }
    }
}
