import ArgumentParser
import Foundation
import LotseCore
import PluginKit

extension Lotse {
    /// `lotse intake CASE`: the guided intake interview.
    struct IntakeCommand: LotseCommand {
        static let configuration = CommandConfiguration(
            commandName: "intake",
            abstract: "Run (or resume) the guided intake for a case, then agree goals.",
            discussion: "Answers are saved as they are given; 'pause' or Ctrl-D stops, 'lotse intake CASE' resumes. With stdin not a terminal it reads one answer per line."
        )
        @OptionGroup var store: StoreOptions
        @Argument(help: "Case id.") var caseId: Int64
        @Option(help: ArgumentHelp("Pre-fill answers from a JSON file.", valueName: "file")) var answers: String?
        @OptionGroup var date: DateOption

        func run(in source: SessionSource) throws {
            let session = try source.session(store)
            let prompter: any Prompter = isatty(STDIN_FILENO) == 1 ? TerminalPrompter() : PipePrompter()
            _ = try IntakeInterview(session: session, caseId: caseId, date: date.date, prompter: prompter,
                                    prefilled: try answers.map(PrefilledAnswers.load)).run()
        }
    }
}
