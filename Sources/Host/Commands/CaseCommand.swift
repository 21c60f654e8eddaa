import ArgumentParser

extension Lotse {
    /// `lotse case …`: open, list, show, edit, close, reopen and reassign cases.
    struct CaseCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "case",
            abstract: "Open, list, show, edit, close, reopen and reassign cases.",
            subcommands: [New.self, List.self, Show.self, Edit.self, Close.self, Reopen.self, Reassign.self]
        )
    }
}
