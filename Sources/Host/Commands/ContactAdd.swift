import ArgumentParser
import Foundation
import LotseCore
import PluginKit

extension Lotse.ContactCommand {
    struct Add: LotseCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "Record a network contact (municipality, club, volunteers, employer, …).")
        @OptionGroup var store: StoreOptions
        @Option(help: "Municipality id or name.") var municipality: String
        @Option(name: .customLong("partner-kind"), help: "Kind of partner, e.g. club, volunteers, employer, municipality.") var partnerKind: String
        @Option(help: "The partner.") var partner: String
        @Option(help: "Staff member (id or name).") var staff: String?
        @OptionGroup var date: DateOption

        func run(in source: SessionSource) throws {
            let session = try source.session(store)
            let voice = session.voice
            let contact = try session.store.addNetworkContact(municipality: municipality, staff: staff, on: date.date,
                                                                      partnerKind: partnerKind, partner: partner)
            voice.say("contact.recorded", ["contact": .number(contact.id!)])
        }
    }
}
