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
                throw UsageError("give --rule, or list the nightly rules in plugins.json (deployment.batchCloseRules)")
            }
            var failures = 0
            for rule in rules {
                failures += try close(rule, session: session, deployment: deployment)
            }
            if failures > 0 { throw DataError("\(failures) case(s) could not be closed; see the lines marked FAILED") }
        }

        /// Closes the cases one rule applies to, one line per case; returns the failures.
        private func close(_ rule: ClosureRule, session: Session, deployment: Deployment) throws -> Int {
            let candidates = try session.store.closureCandidates(rule, on: date.date, inactiveMonths: deployment.inactiveMonths,
                                                                 maxCareYears: deployment.maxCareYears)
            let reason = session.context.text("closure.\(rule.reason)")
            if dryRun {
                for candidate in candidates {
                    print("would close case \(candidate.caseId) (\(candidate.municipality), \(candidate.persons) persons) on \(candidate.closeOn.german): \(reason) – \(candidate.why)")
                }
                print("dry run: nothing changed; \(candidates.count) cases would close, \(candidates.map(\.persons).reduce(0, +)) places would be freed")
                return 0
            }
            var failures = 0
            var freed: [String: Int] = [:]
            for candidate in candidates {
                do {
                    _ = try session.store.closeCase(candidate.caseId, reason: rule.reason, on: candidate.closeOn, as: .batchClose)
                    freed[candidate.municipality, default: 0] += candidate.persons
                    print("closed case \(candidate.caseId) (\(candidate.municipality), \(candidate.persons) persons) on \(candidate.closeOn.german): \(reason) – \(candidate.why)")
                } catch let error as any LotseError {
                    failures += 1
                    print("FAILED case \(candidate.caseId): \(error.message)")
                }
            }
            print("\(candidates.count - failures) cases closed, \(freed.values.reduce(0, +)) places freed")
            for (municipality, places) in freed.sorted(by: { $0.key < $1.key }) {
                let next = try session.store.waitlist(municipality: municipality, on: date.date).first
                print("\(municipality): \(places) places freed; next on the waiting list: " + (next.map { "case \($0.caseId) (\($0.persons) persons)" } ?? "nobody"))
            }
            return failures
        }
    }
}
