import ArgumentParser
import LotseCore
import PluginKit

extension ClosureRule: ExpressibleByArgument {}

extension Lotse.BatchCommand {
    struct Close: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "close",
            abstract: "Close the active cases a rule applies to, each in its own transaction.",
            discussion: "moved-away: a move out of the municipality was recorded; completed: every goal of the latest agreement achieved or dropped, one at least achieved; inactive: no conversation for the configured months; max-duration: in care longer than funded (a justified extension adds a year)."
        )
        @OptionGroup var store: StoreOptions
        @Option(help: "moved-away, completed, inactive or max-duration (default: batchCloseRules in plugins.json).") var rule: ClosureRule?
        @Flag(name: .customLong("dry-run"), help: "List the cases and reasons; change nothing.") var dryRun = false
        @OptionGroup var date: DateOption

        func run() throws {
            let session = try store.session()
            let lock = try BatchLock(database: session.store.database.path)
            defer { withExtendedLifetime(lock) {} }
            let deployment = session.context.configuration.deployment
            let rules = rule.map { [$0] } ?? deployment.batchCloseRules
            guard !rules.isEmpty else {
                throw UsageError("batch.noRules")
            }
            var failures = 0
            for rule in rules {
                failures += try close(rule, session: session, deployment: deployment)
            }
            if failures > 0 { throw DataError("batch.closeFailures", ["count": .number(failures)]) }
        }

        /// Closes the cases one rule applies to, one line per case; returns the failures.
        private func close(_ rule: ClosureRule, session: Session, deployment: Deployment) throws -> Int {
            let candidates = try session.store.closureCandidates(rule, on: date.date, inactiveMonths: deployment.inactiveMonths,
                                                                 maxCareYears: deployment.maxCareYears)
            func line(_ key: String, _ candidate: ClosureCandidate) -> Message {
                Message(key, ["case": .number(candidate.caseId), "municipality": .text(candidate.municipality), "persons": .number(candidate.persons),
                              "date": .date(candidate.closeOn), "reason": .label("closure.\(rule.reason)"), "why": .message(candidate.why)])
            }
            if dryRun {
                for candidate in candidates {
                    Console.say(line("batch.wouldClose", candidate))
                }
                Console.say("batch.closeDryRun", ["count": .number(candidates.count), "places": .number(candidates.map(\.persons).reduce(0, +))])
                return 0
            }
            var failures = 0
            var freed: [String: Int] = [:]
            for candidate in candidates {
                do {
                    _ = try session.store.closeCase(candidate.caseId, reason: rule.reason, on: candidate.closeOn, as: .batchClose)
                    freed[candidate.municipality, default: 0] += candidate.persons
                    Console.say(line("batch.closed", candidate))
                } catch let error as any LotseError {
                    failures += 1
                    Console.say("batch.failed", ["case": .number(candidate.caseId), "error": .message(error.message)])
                }
            }
            Console.say("batch.closedAll", ["count": .number(candidates.count - failures), "places": .number(freed.values.reduce(0, +))])
            for (municipality, places) in freed.sorted(by: { $0.key < $1.key }) {
                let next = try session.store.waitlist(municipality: municipality, on: date.date).first
                Console.say(next.map { Message("batch.freed", ["municipality": .text(municipality), "places": .number(places), "case": .number($0.caseId), "persons": .number($0.persons)]) }
                    ?? Message("batch.freedNobody", ["municipality": .text(municipality), "places": .number(places)]))
            }
            return failures
        }
    }
}
