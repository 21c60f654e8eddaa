import ArgumentParser
import Foundation
import LotseCore
import PluginKit

extension Lotse {
    /// `lotse consent add|withdraw|print`.
    struct ConsentCommand: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "consent", abstract: "Record consents to pass data on, and their withdrawal.",
                                                        subcommands: [Add.self, Withdraw.self, Print.self])
    }
}
