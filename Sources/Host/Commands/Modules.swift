import ArgumentParser

extension Lotse {
    /// `lotse modules`: what the integration modules contain and which are enabled.
    struct Modules: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "modules", 
            abstract: "List the integration modules, or show one module's questions.",
            subcommands: [List.self, Show.self],
            defaultSubcommand: List.self
        )
    }
}
