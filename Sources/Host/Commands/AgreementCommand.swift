import ArgumentParser
import LotseCore

extension Lotse {
    /// `lotse agreement print ID`, `lotse agreement edit ID --interpreter NAME`.
    struct AgreementCommand: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "agreement", abstract: "Print integration agreements for signing.",
                                                        subcommands: [Print.self, Edit.self])
    }
}
