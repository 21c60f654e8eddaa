import ArgumentParser
import Foundation
import LotseCore
import PluginKit

extension Lotse {
    /// `lotse conversation add`.
    struct ConversationCommand: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "conversation", abstract: "Record counselling conversations.",
                                                        subcommands: [Add.self])
    }
}
