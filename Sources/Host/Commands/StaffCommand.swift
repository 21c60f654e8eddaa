import ArgumentParser
import LotseCore

extension Lotse {
    /// `lotse staff add|list`: the integration managers and team leads.
    struct StaffCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "staff",
            abstract: "Add or list staff (integration managers, team leads) with their FTE share.",
            subcommands: [Add.self, List.self],
            defaultSubcommand: List.self
        )
    }
}
