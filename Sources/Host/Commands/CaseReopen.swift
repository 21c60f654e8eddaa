import ArgumentParser
import LotseCore
import PluginKit

extension Lotse.CaseCommand {
    struct Reopen: LotseCommand {
        static let configuration = CommandConfiguration(commandName: "reopen", abstract: "Reopen a closed case.")
        @OptionGroup var store: StoreOptions
        @Argument(help: "Case id.") var id: Int64
        @Option(help: ArgumentHelp("Date (default today).", valueName: "date")) var on: LocalDate?

        func run(in source: SessionSource) throws {
            let session = try source.session(store)
            let voice = session.voice
            let caseFile = try session.store.reopenCase(id, on: on ?? session.today)
            voice.say("case.reopened", ["case": .number(caseFile.id!)])
        }
    }
}
