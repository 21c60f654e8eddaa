import ArgumentParser
import Foundation
import LotseCore

extension Lotse {
    /// `lotse review CASE`.
    struct ReviewCommand: LotseCommand {
        static let configuration = CommandConfiguration(
            commandName: "review",
            abstract: "Review a case's open goals: achieved, dropped or continued; records the outcomes, a conversation and the next review."
        )
        @OptionGroup var store: StoreOptions
        @Argument(help: "Case id.") var caseId: Int64
        @OptionGroup var date: DateOption

        func run(in source: SessionSource) throws {
            let prompter: any Prompter = isatty(STDIN_FILENO) == 1 ? TerminalPrompter() : PipePrompter()
            try ReviewDialog(session: try source.session(store), caseId: caseId, date: date.date, prompter: prompter).run()
        }
    }
}
