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
            let session = try store.session()
            let caseFile = try session.store.reassignCase(id, to: staff)
            let name = (try? session.store.staff())?.first { $0.id == caseFile.staffId }?.name ?? staff
            Console.say("case.reassigned", ["case": .number(caseFile.id!), "staff": .text(name)])
        }
    }
}
