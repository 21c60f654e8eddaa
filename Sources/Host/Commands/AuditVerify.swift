import ArgumentParser
import LotseCore
import PluginKit

extension Lotse.AuditCommand {
    struct Verify: LotseCommand {
        static let configuration = CommandConfiguration(commandName: "verify", abstract: "Check the hash chain (edited, deleted or cut-off events are named) and today's data against it (changes made outside lotse are named).")
        @OptionGroup var store: StoreOptions

        func run(in source: SessionSource) throws {
            let session = try source.session(store)
            let voice = session.voice
            let result = try session.store.verifyAudit()
            guard result.isIntact else {
                for problem in result.problems { voice.say("audit.problemLine", ["problem": .message(problem)]) }
                throw DataError("audit.tampered")
            }
            voice.say("audit.intact", ["count": .number(result.events)])
        }
    }
}
