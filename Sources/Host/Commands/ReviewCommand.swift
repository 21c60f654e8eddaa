import ArgumentParser
import Foundation
import LotseCore

extension Lotse {
    /// `lotse review CASE`.
    struct ReviewCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "review",
            abstract: "Review a case's open goals: achieved, dropped or continued; records the outcomes, a conversation and the next review."
        )
        @OptionGroup var store: StoreOptions
        @Argument(help: "Case id.") var caseId: Int64
        @OptionGroup var date: DateOption

        func run() throws {
            let prompter: any Prompter = isatty(STDIN_FILENO) == 1 ? TerminalPrompter() : PipePrompter()
            try ReviewDialog(session: try store.session(), caseId: caseId, date: date.date, prompter: prompter).run()
        }
    }
}
