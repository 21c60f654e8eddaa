import ArgumentParser
import LotseCore

extension Lotse {
    /// `lotse municipality add|list`: the county office and cities with their funded FTE.
    struct MunicipalityCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "municipality",
            abstract: "Add or list municipalities (county office, cities) with their funded FTE.",
            subcommands: [Add.self, Edit.self, List.self],
            defaultSubcommand: List.self
        )
    }
}
