import ArgumentParser
import Foundation
import LotseCore

extension Lotse.UserCommand {
    struct List: LotseCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List the users with their roles.")
        @OptionGroup var store: StoreOptions
        @OptionGroup var output: OutputOptions

        func run(in source: SessionSource) throws {
            let session = try source.session(store)
            let voice = session.voice
            let users = try session.store.users()
            if output.json { return print(try JSONOutput.string(users)) }
            let rows = users.map { user in
                [user.name, user.osUser ?? "-", user.roles.map { Role(rawValue: $0).map(voice.label) ?? $0 }.joined(separator: ", "),
                 user.municipality.map { "\(user.staff ?? "") (\($0))" } ?? voice.text("user.countyWide"),
                 voice.text(user.disabled ? "user.state.disabled" : user.lockedUntil != nil ? "user.state.locked" : "user.state.active")]
            }
            print(TextTable(header: voice.columns("table.users"), rows: rows).render())
        }
    }
}
