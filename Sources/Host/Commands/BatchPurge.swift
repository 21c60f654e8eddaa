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
            guard dryRun != confirm else { throw ValidationError("give exactly one of --dry-run or --confirm") }
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
                    print("would purge case \(candidate.caseId) (closed \(candidate.closedOn.german), retention \(years) years)")
                    continue
                }
                do {
                    if let archive, let file = candidate.bundleFile {
                        let path = URL(fileURLWithPath: archive).appendingPathComponent(file).path
                        if FileManager.default.fileExists(atPath: path) { try FileManager.default.removeItem(atPath: path) }
                    }
                    try session.store.purge(candidate, on: date.date)
                    print("purged case \(candidate.caseId) (closed \(candidate.closedOn.german))")
                } catch let error as any LotseError {
                    failures += 1
                    print("FAILED case \(candidate.caseId): \(error.message)")
                }
            }
            if dryRun { return print("dry run: nothing changed; \(candidates.count) cases would be purged") }
            if let archive { try Archiver.writeIndex(store: session.store, folder: URL(fileURLWithPath: archive)) }
            print("\(candidates.count - failures) cases purged")
            if failures > 0 { throw DataError("\(failures) case(s) could not be purged; see the lines marked FAILED") }
        }
    }
}
