import ArgumentParser
import LotseCore

extension Lotse.AgreementCommand {
    struct Print: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "print", abstract: "Render an agreement with its SMART goals for signing.")
        @OptionGroup var store: StoreOptions
        @Argument(help: "Agreement id.") var id: Int64
        @Option(help: "de (default from plugins.json) or en.") var locale: String?

        func run() throws {
            let session = try store.session()
            let catalog = try session.context.catalog(for: locale)
            let document = try session.store.agreementDocument(id)
            let model = AgreementText(document: document, catalog: catalog, modules: builtinModules).model()
            print(try session.context.templates(catalog).render("agreement", model, as: .text), terminator: "")
        }
    }
}
