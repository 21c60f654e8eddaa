import ArgumentParser
import Foundation
import LotseCore

extension Lotse {
    /// `lotse import legacy DIR`.
    struct ImportCommand: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "import", abstract: "Import data from other software.",
                                                        subcommands: [Legacy.self])
    }
}
