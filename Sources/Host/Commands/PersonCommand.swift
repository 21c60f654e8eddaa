import ArgumentParser
import LotseCore
import PluginKit

extension Lotse {
    /// `lotse person add|find`.
    struct PersonCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "person",
            abstract: "Add a household member to a case, or find persons by name.",
            subcommands: [Add.self, Find.self, Edit.self, Export.self, Erase.self, Notice.self]
        )
    }
}
