import ArgumentParser
import Foundation
import LotseCore

extension Lotse {
    /// `lotse user …`: accounts and roles (admin only).
    struct UserCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "user",
            abstract: "Add, list, disable and enable users, set passwords and roles (admin only).",
            discussion: "Roles: manager (cases of their municipality), lead (reads the municipality's cases, reassigns, reports, batch close), admin (users, settings, archive, purge), auditor (audit log and reports).",
            subcommands: [Add.self, List.self, Edit.self, Disable.self, Enable.self, Passwd.self, RoleCommand.self]
        )
    }
}
