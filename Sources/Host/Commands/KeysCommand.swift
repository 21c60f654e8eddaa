import ArgumentParser
import Foundation
import LotseCore

extension Lotse {
    /// `lotse keys generate`.
    struct KeysCommand: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "keys", abstract: "Signing keys for handover bundles.", subcommands: [Generate.self])
    }
}
