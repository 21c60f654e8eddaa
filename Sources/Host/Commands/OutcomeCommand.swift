import ArgumentParser
import Foundation
import LotseCore
import PluginKit

extension Lotse {
    /// `lotse outcome add`.
    struct OutcomeCommand: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "outcome", abstract: "Record outcomes (what reports count).",
                                                        subcommands: [Add.self])
    }
}
