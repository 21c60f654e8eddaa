import ArgumentParser
import Foundation
import LotseCore
import PluginKit

extension Lotse {
    /// `lotse contact add`: network work with local partners.
    struct ContactCommand: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "contact", abstract: "Record network contacts with local partners.",
                                                        subcommands: [Add.self])
    }
}
