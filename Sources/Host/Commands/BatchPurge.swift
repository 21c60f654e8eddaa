import ArgumentParser
import Foundation
import LotseCore
import PluginKit

extension Lotse.BatchCommand {
    struct Purge: LotseCommand {
        static let configuration = CommandConfiguration(
            commandName: "purge",
            abstract: "Delete archive bundles and remaining traces of cases past the retention period (plugins.json retentionYears).",
            discussion: "With archiveOffer on (the default) only cases the archive declined or did not claim within archiveAnswerMonths. A deletion log without personal data stays in the database."
        )
        @OptionGroup var store: StoreOptions
        @Option(help: ArgumentHelp("Folder of the archive bundles.", valueName: "dir")) var archive: String?
        @Flag(name: .customLong("dry-run"), help: "List what would be deleted; change nothing.") var dryRun = false
        @Flag(help: "Really delete.") var confirm = false
        @OptionGroup var date: DateOption

        func run(in source: SessionSource) throws {
            guard dryRun != confirm else { throw UsageError("batch.dryRunOrConfirm") }
            let session = try source.session(store)
            let voice = session.voice
            let deployment = session.context.configuration.deployment
            let policy = PurgePolicy(store: session.store, deployment: deployment, archive: archive.map { URL(fileURLWithPath: $0) }, catalog: session.context.catalog)
            if dryRun {
                // The cases past retention that stay, and why.
                for held in try policy.standings(on: date.date) where !held.standing.allowsPurge {
                    voice.say("batch.purgeHeld", ["case": .number(held.archived.caseId), "date": .date(held.archived.closedOn),
                                                    "reason": .message(PurgePolicy.reason(held.standing, answerMonths: deployment.archiveAnswerMonths))])
                }
            }
            let (results, failed) = try BatchRun(store: session.store, policy: policy).show(on: dryRun ? date.date : try date.destructive(), dryRun: dryRun, voice: voice)
            if dryRun { return voice.say("batch.purgeDryRun", ["count": .number(results.count)]) }
            voice.say("batch.purgedAll", ["count": .number(results.count - failed)])
            if failed > 0 { throw DataError("batch.purgeFailures", ["count": .number(failed)]) }
        }
    }
}
