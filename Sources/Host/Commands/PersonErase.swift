import ArgumentParser
import Foundation
import LotseCore
import PluginKit

extension Lotse.PersonCommand {
    struct Erase: LotseCommand {
        static let configuration = CommandConfiguration(
            commandName: "erase",
            abstract: "Erase a person's personal data (GDPR Art. 17) unless a retention duty stands against it; report figures stay."
        )
        @OptionGroup var store: StoreOptions
        @Argument(help: "Person id.") var id: Int64
        @Option(help: "Why (the request, its date).") var reason: String
        @OptionGroup var date: DateOption

        func run(in source: SessionSource) throws {
            let session = try source.session(store)
            let voice = session.voice
            try session.store.erasePerson(id, reason: reason, retentionYears: session.context.configuration.deployment.retentionYears, on: try date.destructive())
            voice.say("person.erased", ["person": .number(id)])
        }
    }
}
