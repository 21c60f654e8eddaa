import ArgumentParser
import Foundation
import LotseCore

extension Lotse.UserCommand {
    struct Add: LotseCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "Add a user.")
        @OptionGroup var store: StoreOptions
        @Argument(help: "The user's name (login name at the kiosk).") var name: String
        @Option(name: .customLong("os-user"), help: ArgumentHelp("The operating-system account the command line maps to this user.", valueName: "account"))
        var osUser: String?
        @OptionGroup var role: RoleOptions
        @OptionGroup var password: PasswordOptions
        @Option(help: "The language lotse speaks to the user: de or en (default: the deployment's).") var locale: String?

        func run(in source: SessionSource) throws {
            let session = try source.session(store)
            let voice = session.voice
            try session.store.addUser(name: name, osUser: osUser, roles: try role.parsed(session.context), staff: role.staff, countyWide: role.countyWide,
                                      password: try password.read(voice), locale: try locale.map { try session.context.choice($0, "--locale", in: AppContext.locales) }, on: session.today)
            voice.say("user.added", ["user": .text(name)])
        }
    }
}
