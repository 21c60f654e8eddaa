import ArgumentParser
import Foundation
import LotseCore

extension Lotse {
    /// `lotse backup [-o FILE] [--encrypt]`, `lotse backup prune DIR`.
    struct BackupCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "backup",
            abstract: "Back up the database and attachments into one file (mode 0600) while others keep working.",
            subcommands: [Create.self, Prune.self],
            defaultSubcommand: Create.self
        )
    }
}
