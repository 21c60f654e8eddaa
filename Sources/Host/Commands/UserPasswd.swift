import ArgumentParser
import Foundation
import LotseCore

extension Lotse.UserCommand {
    struct Passwd: LotseCommand {
        static let configuration = CommandConfiguration(commandName: "passwd", abstract: "Set a user's password.")
        @OptionGroup var store: StoreOptions
        @Argument(help: "The user.") var name: String
        @OptionGroup var password: PasswordOptions

        func run(in source: SessionSource) throws {
            let session = try source.session(store)
            let voice = session.voice
            try session.store.setPassword(name, try password.read(voice))
            voice.say("user.passwordChanged", ["user": .text(name)])
        }
    }
}
