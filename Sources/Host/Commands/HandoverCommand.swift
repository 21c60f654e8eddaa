import ArgumentParser

extension Lotse {
    /// `lotse handover export|import|verify`.
    struct HandoverCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "handover",
            abstract: "Hand a case file over to another municipality as a checksummed (optionally encrypted and signed) BagIt zip.",
            subcommands: [Export.self, Import.self, Verify.self, Confirm.self, List.self]
        )
    }
}
