import ArgumentParser
import LotseCore

extension Lotse.UserCommand {
    struct Disable: UserSwitch {
        static let configuration = CommandConfiguration(commandName: "disable", abstract: "Stop a user from logging in or acting.")
        static let disables = true
        @OptionGroup var store: StoreOptions
        @Argument(help: "The user.") var name: String
    }
}
