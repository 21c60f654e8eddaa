import ArgumentParser
import LotseCore
import PluginKit

extension Lotse {
    /// `lotse audit verify`.
    struct AuditCommand: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "audit", abstract: "Check the audit log.", subcommands: [Verify.self, Log.self])
    }
}
