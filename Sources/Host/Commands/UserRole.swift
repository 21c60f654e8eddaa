import ArgumentParser
import Foundation
import LotseCore

extension Lotse.UserCommand {
    struct RoleCommand: LotseCommand {
        static let configuration = CommandConfiguration(commandName: "role", abstract: "Set a user's roles (replacing the ones they had).")
        @OptionGroup var store: StoreOptions
        @Argument(help: "The user.") var name: String
        @OptionGroup var role: RoleOptions

        func run(in source: SessionSource) throws {
            let session = try source.session(store)
            let voice = session.voice
            let roles = try role.parsed(session.context)
            try session.store.setRoles(name, roles: roles, staff: role.staff, countyWide: role.countyWide)
            voice.say("user.roles", ["user": .text(name), "roles": .list(roles.sorted().map(\.label)), "count": .number(roles.count)])
        }
    }
}
