import ArgumentParser
import Foundation
import LotseCore

/// `lotse user …`: accounts and roles (admin only).
struct UserCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user",
        abstract: "Add, list, disable and enable users, set passwords and roles (admin only).",
        discussion: "Roles: manager (cases of their municipality), lead (reads the municipality's cases, reassigns, reports, batch close), admin (users, settings, archive, purge), auditor (audit log and reports).",
        subcommands: [Add.self, List.self, Edit.self, Disable.self, Enable.self, Passwd.self, RoleCommand.self]
    )

    /// The roles and municipality of a user, shared by `add` and `role`.
    struct RoleOptions: ParsableArguments {
        @Option(name: .customLong("role"), help: ArgumentHelp("manager, lead, admin or auditor; repeat or separate with commas.", valueName: "role"))
        var roles: [String] = []
        @Option(help: ArgumentHelp("The staff record the user is (sets their municipality).", valueName: "name")) var staff: String?
        @Flag(name: .customLong("county-wide"), help: "A manager or lead without a staff record who sees every municipality (the county's coordination).")
        var countyWide = false

        func parsed() throws -> Set<Role> { try Role.parseList(roles.joined(separator: ",")) }
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "Add a user.")
        @OptionGroup var store: StoreOptions
        @Argument(help: "The user's name (login name at the kiosk).") var name: String
        @Option(name: .customLong("os-user"), help: ArgumentHelp("The operating-system account the command line maps to this user.", valueName: "account"))
        var osUser: String?
        @OptionGroup var role: RoleOptions
        @OptionGroup var password: PasswordOptions
        @Option(help: "The language lotse speaks to the user: de or en (default: the deployment's).") var locale: String?

        func run() throws {
            let session = try store.session()
            try session.store.addUser(name: name, osUser: osUser, roles: try role.parsed(), staff: role.staff, countyWide: role.countyWide,
                                      password: try password.read(), locale: locale, on: session.today)
            Console.say("user.added", ["user": .text(name)])
        }
    }

    struct Edit: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "edit", abstract: "Change a user's own language.")
        @OptionGroup var store: StoreOptions
        @Argument(help: "The user.") var name: String
        @Option(help: "de or en; 'deployment' for the deployment's language.") var locale: String

        func run() throws {
            try store.session().store.setLocale(name, locale == "deployment" ? nil : locale)
            Console.say("user.localeSet", ["user": .text(name)])
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List the users with their roles.")
        @OptionGroup var store: StoreOptions
        @OptionGroup var output: OutputOptions

        func run() throws {
            let users = try store.session().store.users()
            if output.json { return print(try JSONOutput.string(users)) }
            let rows = users.map { user in
                [user.name, user.osUser ?? "-", user.roles.map { Role(rawValue: $0).map(Console.label) ?? $0 }.joined(separator: ", "),
                 user.municipality.map { "\(user.staff ?? "") (\($0))" } ?? Console.text("user.countyWide"),
                 Console.text(user.disabled ? "user.state.disabled" : user.lockedUntil != nil ? "user.state.locked" : "user.state.active")]
            }
            print(TextTable(header: Console.columns("table.users"), rows: rows).render())
        }
    }

    struct Disable: UserSwitch {
        static let configuration = CommandConfiguration(commandName: "disable", abstract: "Stop a user from logging in or acting.")
        static let disables = true
        @OptionGroup var store: StoreOptions
        @Argument(help: "The user.") var name: String
    }

    struct Enable: UserSwitch {
        static let configuration = CommandConfiguration(commandName: "enable", abstract: "Let a disabled or locked-out user in again.")
        static let disables = false
        @OptionGroup var store: StoreOptions
        @Argument(help: "The user.") var name: String
    }

    struct Passwd: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "passwd", abstract: "Set a user's password.")
        @OptionGroup var store: StoreOptions
        @Argument(help: "The user.") var name: String
        @OptionGroup var password: PasswordOptions

        func run() throws {
            let session = try store.session()
            try session.store.setPassword(name, try password.read())
            Console.say("user.passwordChanged", ["user": .text(name)])
        }
    }

    struct RoleCommand: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "role", abstract: "Set a user's roles (replacing the ones they had).")
        @OptionGroup var store: StoreOptions
        @Argument(help: "The user.") var name: String
        @OptionGroup var role: RoleOptions

        func run() throws {
            let roles = try role.parsed()
            try store.session().store.setRoles(name, roles: roles, staff: role.staff, countyWide: role.countyWide)
            Console.say("user.roles", ["user": .text(name), "roles": .list(roles.sorted().map(\.label))])
        }
    }
}

/// `user disable` and `user enable`: the same switch, two names.
protocol UserSwitch: ParsableCommand {
    static var disables: Bool { get }
    var store: StoreOptions { get }
    var name: String { get }
}

extension UserSwitch {
    func run() throws {
        try store.session().store.setDisabled(name, Self.disables)
        Console.say(Self.disables ? "user.disabled" : "user.enabled", ["user": .text(name)])
    }
}
