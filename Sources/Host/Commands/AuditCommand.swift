import ArgumentParser
import LotseCore
import PluginKit

extension Lotse {
    /// `lotse audit verify`.
    struct AuditCommand: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "audit", abstract: "Check the audit log.", subcommands: [Verify.self])

        struct Verify: ParsableCommand {
            static let configuration = CommandConfiguration(commandName: "verify", abstract: "Check the hash chain: edited, deleted or cut-off events are named.")
            @OptionGroup var store: StoreOptions

            func run() throws {
                let result = try store.session().store.verifyAudit()
                guard result.isIntact else {
                    for problem in result.problems { print("audit: \(problem)") }
                    throw DataError("the audit log was tampered with (\(result.problems.count) problem(s)); restore a backup and report it")
                }
                print("audit log intact: \(result.events) events")
            }
        }
    }
}
