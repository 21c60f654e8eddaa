import ArgumentParser
import LotseCore
import PluginKit

extension Lotse.AuditCommand {
    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "verify", abstract: "Check the hash chain (edited, deleted or cut-off events are named) and today's data against it (changes made outside lotse are named).")
        @OptionGroup var store: StoreOptions

        func run() throws {
            let result = try store.session().store.verifyAudit()
            guard result.isIntact else {
                for problem in result.problems { Console.say("audit.problemLine", ["problem": .message(problem)]) }
                throw DataError("audit.tampered")
            }
            Console.say("audit.intact", ["count": .number(result.events)])
        }
    }
}
