import ArgumentParser
import LotseCore

extension Lotse.UserCommand {
    struct Enable: UserSwitch {
        static let configuration = CommandConfiguration(commandName: "enable", abstract: "Let a disabled or locked-out user in again.")
        static let disables = false
        @OptionGroup var store: StoreOptions
        @Argument(help: "The user.") var name: String
    }
}
