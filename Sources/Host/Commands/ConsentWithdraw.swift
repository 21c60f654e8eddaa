import ArgumentParser
import Foundation
import LotseCore
import PluginKit

extension Lotse.ConsentCommand {
    struct Withdraw: LotseCommand {
        static let configuration = CommandConfiguration(commandName: "withdraw", abstract: "Record that a consent was withdrawn.")
        @OptionGroup var store: StoreOptions
        @Argument(help: "Consent id.") var id: Int64
        @OptionGroup var date: DateOption

        func run(in source: SessionSource) throws {
            let session = try source.session(store)
            let voice = session.voice
            let consent = try session.store.withdrawConsent(id, on: date.date)
            voice.say("consent.withdrawn", ["consent": .number(consent.id!), "date": .optionalDate(consent.withdrawnOn)])
        }
    }
}
