import ArgumentParser
import Foundation
import LotseCore
import PluginKit

extension Lotse.ConsentCommand {
    struct Add: LotseCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "Record a consent: what may be passed to whom.")
        @OptionGroup var store: StoreOptions
        @Argument(help: "Case id.") var caseId: Int64
        @Option(help: "What may be passed on, e.g. handover, referral or a module id.") var scope: String
        @Option(help: "To whom: a municipality or a service.") var to: String
        @Option(help: "Person id, if the consent is one person's.") var person: Int64?
        @Option(help: "The scanned, signed form.") var form: String?
        @OptionGroup var date: DateOption

        func run(in source: SessionSource) throws {
            let session = try source.session(store)
            let voice = session.voice
            let scope = try session.context.choice(scope, "--scope", in: session.store.vocabulary.scopeChoices)
            let consent = try session.store.addConsent(caseId, personId: person, scope: scope, recipient: to, givenOn: date.date,
                                                               form: form.map { URL(fileURLWithPath: $0) })
            voice.say("consent.recorded", ["consent": .number(consent.id!)])
        }
    }
}
