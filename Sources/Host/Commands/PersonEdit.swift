import ArgumentParser
import Foundation
import LotseCore
import PluginKit

extension Lotse.PersonCommand {
    struct Edit: LotseCommand {
        static let configuration = CommandConfiguration(commandName: "edit", abstract: "Correct a person's details (GDPR Art. 16); earlier values stay in the audit log.")
        @OptionGroup var store: StoreOptions
        @Argument(help: "Person id.") var id: Int64
        @Option(name: .customLong("family-name"), help: "Family name.") var familyName: String?
        @Option(name: .customLong("given-names"), help: "Given names.") var givenNames: String?
        @Option(help: "Country of origin: ISO 3166-1 code, e.g. SY, UA, AF (XS stateless, ZZ unknown).") var country: String?
        @Option(help: "Residence status: residence_permit, settlement_permit, permission_to_reside, toleration, temporary_protection, other or unknown (or its German name).") var residence: String?
        @Option(name: .customLong("residence-status"), help: "Residence status as free text, a note (e.g. valid until 03/2027).") var residenceStatus: String?
        @Option(help: ArgumentHelp("Languages read, comma-separated: tags (ar, fa-AF) or names (Arabic, Dari); the first is the language of the client's documents, words that name no language are kept as a note.", valueName: "languages")) var languages: String?
        @Flag(inversion: .prefixedNo, help: "Needs an interpreter.") var interpreter: Bool?
        @Option(help: "Phone number.") var phone: String?
        @Option(help: "Address.") var address: String?

        func run(in source: SessionSource) throws {
            let identityChanged = familyName != nil || givenNames != nil || residenceStatus != nil || interpreter != nil
                || phone != nil || address != nil
            let session = try source.session(store)
            let voice = session.voice
            try session.store.correctPerson(id, country: country, residence: try session.context.residence(residence), languages: languages,
                                            names: try session.context.languageNames(), !identityChanged ? nil : { identity in
                if let familyName { identity.familyName = familyName }
                if let givenNames { identity.givenNames = givenNames }
                if let residenceStatus { identity.residenceStatus = residenceStatus }
                if let interpreter { identity.interpreterNeeded = interpreter }
                if let phone { identity.phone = phone }
                if let address { identity.address = address }
            })
            voice.say("person.corrected", ["person": .number(id)])
        }
    }
}
