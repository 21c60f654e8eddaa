import ArgumentParser
import LotseCore

/// `user disable` and `user enable`: the same switch, two names.
protocol UserSwitch: LotseCommand {
    static var disables: Bool { get }
    var store: StoreOptions { get }
    var name: String { get }
}

extension UserSwitch {
    func run(in source: SessionSource) throws {
        let session = try source.session(store)
        let voice = session.voice
        try session.store.setDisabled(name, Self.disables)
        voice.say(Self.disables ? "user.disabled" : "user.enabled", ["user": .text(name)])
    }
}
