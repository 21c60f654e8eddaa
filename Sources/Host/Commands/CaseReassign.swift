import ArgumentParser
import LotseCore
import PluginKit

extension Lotse.CaseCommand {
    struct Reassign: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "reassign", abstract: "Give a case to another member of its team.")
        @OptionGroup var store: StoreOptions
        @Argument(help: "Case id.") var id: Int64
        @Option(help: "Staff member (id or name).") var staff: String

        func run() throws {
            let member = try store.session().store.reassignCase(id, to: staff)
            Console.say("case.reassigned", ["case": .number(id), "staff": .text(member.name)])
        }
    }
}
