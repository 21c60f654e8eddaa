import ArgumentParser
import Foundation
import LotseCore
import PluginKit

extension Lotse.ReferralCommand {
    struct Add: LotseCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "Record a referral to, or joint work with, a regular service.")
        @OptionGroup var store: StoreOptions
        @Argument(help: "Case id.") var caseId: Int64
        @Option(help: "Service id from services.json, e.g. jobcenter.") var service: String
        @Option(help: "The problem situation.") var problem: String
        @Option(help: "Person id, if the referral is for one person.") var person: Int64?
        @Option(help: "What came of it.") var outcome: String?
        @OptionGroup var date: DateOption

        func run(in source: SessionSource) throws {
            let session = try source.session(store)
            let voice = session.voice
            let service = try session.context.choice(service, "--service", in: session.store.vocabulary.serviceChoices)
            let referral = try session.store.addReferral(caseId, personId: person, on: date.date, service: service, problem: problem, outcome: outcome)
            voice.say("referral.recorded", ["referral": .number(referral.id!)])
        }
    }
}
