import ArgumentParser
import LotseCore
import PluginKit

extension Lotse {
    /// `lotse waitlist [admit]`.
    struct WaitlistCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "waitlist",
            abstract: "Show the waiting list, or admit from it while places are free.",
            discussion: "Order: arrival between 01.01.2015 and 29.02.2016 first, then stay prospect (high, medium, low, unknown), then waiting time.",
            subcommands: [Show.self, Admit.self],
            defaultSubcommand: Show.self
        )
    }
}
