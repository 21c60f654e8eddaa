import ArgumentParser
import Foundation
import LotseCore

extension Lotse.UserCommand {
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
}
