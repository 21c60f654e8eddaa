import ArgumentParser
import LotseCore
import PluginKit

extension Lotse.CaseCommand {
    struct Reopen: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "reopen", abstract: "Reopen a closed case.")
        @OptionGroup var store: StoreOptions
        @Argument(help: "Case id.") var id: Int64
        @Option(help: ArgumentHelp("Date (default today).", valueName: "date")) var on: LocalDate?

        func run() throws {
            let session = try store.session()
            let caseFile = try session.store.reopenCase(id, on: on ?? session.today)
            Console.say("case.reopened", ["case": .number(caseFile.id!)])
        }
    }
}
