import ArgumentParser
import LotseCore

extension Lotse.AgreementCommand {
    struct Print: LotseCommand {
        static let configuration = CommandConfiguration(
            commandName: "print", abstract: "An agreement with its SMART goals, fit to sign: text, HTML or PDF (A4, page numbers).")

        @OptionGroup var store: StoreOptions
        @Argument(help: "Agreement id.") var id: Int64
        @OptionGroup var document: DocumentOptions

        func run(in source: SessionSource) throws {
            let session = try source.session(store)
            let agreement = try session.store.agreementDocument(id)
            try document.write(session, reading: agreement.readingLanguages) { catalog, client, isolateNames in
                AgreementText(document: agreement, modules: builtinModules, county: session.context.configuration.organisation.county,
                              words: Bilingual(catalog: catalog, client: client, isolateNames: isolateNames)).printDocument()
            }
        }
    }
}
