import ArgumentParser
import LotseCore
import PluginKit

extension Lotse.CaseCommand {
    struct Reassign: LotseCommand {
        static let configuration = CommandConfiguration(commandName: "reassign", abstract: "Give a case to another member of its team.")
        @OptionGroup var store: StoreOptions
        @Argument(help: "Case id.") var id: Int64
        @Option(help: "Staff member (id or name).") var staff: String

        func run(in source: SessionSource) throws {
            let session = try source.session(store)
            let voice = session.voice
            let member = try session.store.reassignCase(id, to: staff)
            voice.say("case.reassigned", ["case": .number(id), "staff": .text(member.name)])
        }
    }
}
