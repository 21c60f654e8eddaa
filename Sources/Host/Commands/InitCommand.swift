import ArgumentParser
import Foundation
import LotseCore

/// `lotse init`: the first admin of a new database.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create the first admin of an empty database, mapped to your operating-system account.",
        discussion: "Then add municipalities, staff and users ('lotse user add'). The password is asked twice, or read with --password-file."
    )
    @OptionGroup var store: StoreOptions
    @Option(help: ArgumentHelp("The admin's lotse user name (default: your account name).", valueName: "name")) var name: String?
    @OptionGroup var password: PasswordOptions

    func run() throws {
        let context = try AppContext(options: store.config)
        let voice = context.voice
        try SecureStart.requireRoot("init")
        let database = try LotseDatabase.open(at: context.locations.database(explicit: store.path))
        let principal = try Self.createAdmin(database: database, name: name, password: password, voice: voice)
        voice.say("init.done", ["user": .text(principal.name), "database": .text(database.path ?? "")])
    }

    static func createAdmin(database: LotseDatabase, name: String?, password: PasswordOptions, voice: Voice) throws -> Principal {
        let accounts = Accounts(database: database)
        guard try !accounts.hasUsers() else { throw UsageError("accounts.hasUsers") }
        let osUser = CaseStore.operatingSystemUser
        return try accounts.initialize(name: name ?? osUser, osUser: osUser, password: try password.read(voice), on: .today)
    }
}
