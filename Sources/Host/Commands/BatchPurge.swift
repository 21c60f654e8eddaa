import ArgumentParser
import Foundation
import LotseCore
import PluginKit

extension Lotse.BatchCommand {
    struct Purge: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "purge",
            abstract: "Delete archive bundles and remaining traces of cases past the retention period (plugins.json retentionYears).",
            discussion: "A deletion log without personal data stays in the database."
        )
        @OptionGroup var store: StoreOptions
        @Option(help: ArgumentHelp("Folder of the archive bundles.", valueName: "dir")) var archive: String?
        @Flag(name: .customLong("dry-run"), help: "List what would be deleted; change nothing.") var dryRun = false
        @Flag(help: "Really delete.") var confirm = false
        @OptionGroup var date: DateOption

        func validate() throws {
            guard dryRun != confirm else { throw UsageError("batch.dryRunOrConfirm") }
        }

        func run() throws {
            let session = try store.session()
            let lock = try BatchLock(database: session.store.database.path)
            defer { withExtendedLifetime(lock) {} }
            let years = session.context.configuration.deployment.retentionYears
            let candidates = try session.store.purgeCandidates(retentionYears: years, on: date.date)
            var failures = 0
            for candidate in candidates {
                if dryRun {
                    Console.say("batch.wouldPurge", ["case": .number(candidate.caseId), "date": .date(candidate.closedOn), "years": .number(years)])
                    continue
                }
                do {
                    if let archive, let file = candidate.bundleFile {
                        let path = URL(fileURLWithPath: archive).appendingPathComponent(file).path
                        if FileManager.default.fileExists(atPath: path) { try FileManager.default.removeItem(atPath: path) }
                    }
                    try session.store.purge(candidate, on: date.date)
                    Console.say("batch.purged", ["case": .number(candidate.caseId), "date": .date(candidate.closedOn)])
                } catch let error as any LotseError {
                    failures += 1
                    Console.say("batch.failed", ["case": .number(candidate.caseId), "error": .message(error.message)])
                }
            }
            if dryRun { return Console.say("batch.purgeDryRun", ["count": .number(candidates.count)]) }
            if let archive { try Archiver.writeIndex(store: session.store, folder: URL(fileURLWithPath: archive)) }
            Console.say("batch.purgedAll", ["count": .number(candidates.count - failures)])
            if failures > 0 { throw DataError("batch.purgeFailures", ["count": .number(failures)]) }
        }
    }
}
