import ArgumentParser
import LotseCore

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
