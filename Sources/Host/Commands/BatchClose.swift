import ArgumentParser
import LotseCore
import PluginKit


extension Lotse.BatchCommand {
    struct Close: LotseCommand {
        static let configuration = CommandConfiguration(
            commandName: "close",
            abstract: "Close the active cases a rule applies to, each in its own transaction.",
            discussion: "moved-away: a move out of the municipality was recorded; completed: every goal of the latest agreement achieved or dropped, one at least achieved; inactive: no conversation for the configured months; max-duration: in care longer than funded (a justified extension adds a year)."
        )
        @OptionGroup var store: StoreOptions
        @Option(help: "moved-away, completed, inactive or max-duration (default: batchCloseRules in plugins.json).") var rule: String?
        @Flag(name: .customLong("dry-run"), help: "List the cases and reasons; change nothing.") var dryRun = false
        @OptionGroup var date: DateOption

        func run(in source: SessionSource) throws {
            let session = try source.session(store)
            let deployment = session.context.configuration.deployment
            let rules = try session.context.choice(rule, "--rule", as: ClosureRule.self).map { [$0] } ?? deployment.batchCloseRules
            guard !rules.isEmpty else {
                throw UsageError("batch.noRules")
            }
            var failures = 0
            for rule in rules {
                failures += try close(rule, session: session, deployment: deployment)
            }
            if failures > 0 { throw DataError("batch.closeFailures", ["count": .number(failures)]) }
        }

        /// Closes the cases one rule applies to, one line per case, then says how many
        /// places that freed and who is next on the waiting list; returns the failures.
        private func close(_ rule: ClosureRule, session: Session, deployment: Deployment) throws -> Int {
            let voice = session.voice
            let policy = ClosePolicy(store: session.store, rule: rule, deployment: deployment)
            let (results, failed) = try BatchRun(store: session.store, policy: policy).show(on: dryRun ? date.date : try date.destructive(), dryRun: dryRun, voice: voice)
            if dryRun {
                voice.say("batch.closeDryRun", ["count": .number(results.count), "places": .number(results.reduce(0) { $0 + $1.candidate.persons })])
                return 0
            }
            var freed: [String: Int] = [:]
            for result in results where !result.failed {
                freed[result.candidate.municipality, default: 0] += result.candidate.persons
            }
            voice.say("batch.closedAll", ["count": .number(results.count - failed), "places": .number(freed.values.reduce(0, +))])
            for (municipality, places) in freed.sorted(by: { $0.key < $1.key }) {
                let next = try session.store.waitlist(municipality: municipality, on: date.date, eligibility: session.context.configuration.deployment.eligibility).first
                voice.say(next.map { Message("batch.freed", ["municipality": .text(municipality), "places": .number(places), "case": .number($0.caseId), "persons": .number($0.persons)]) }
                    ?? Message("batch.freedNobody", ["municipality": .text(municipality), "places": .number(places)]))
            }
            return failed
        }
    }
}
