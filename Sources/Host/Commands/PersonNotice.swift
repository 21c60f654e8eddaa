import ArgumentParser
import LotseCore

extension Lotse.PersonCommand {
    struct Notice: LotseCommand {
        static let configuration = CommandConfiguration(commandName: "notice", abstract: "The client's information on their data (GDPR Art. 13), beside their language.")
        @OptionGroup var store: StoreOptions
        @Argument(help: "Person id.") var id: Int64
        @OptionGroup var document: DocumentOptions

        func run(in source: SessionSource) throws {
            let session = try source.session(store)
            let subject = try session.store.documentSubject(id)
            let configuration = session.context.configuration
            try document.write(session, reading: Array(subject.languages.prefix(1))) { catalog, client, isolateNames in
                try PrivacyNotice(person: subject.name, organisation: configuration.organisation, retentionYears: configuration.deployment.retentionYears,
                                  words: Bilingual(catalog: catalog, client: client, isolateNames: isolateNames)).printDocument()
            }
        }
    }
}
