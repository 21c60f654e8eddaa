import ArgumentParser
import Foundation
import LotseCore

extension Lotse.AgreementCommand {
    struct Print: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "print", abstract: "An agreement with its SMART goals, fit to sign: text, HTML or PDF (A4, page numbers).")
        enum Format: String, Labelled {
            case text, html, pdf
            static var labelPrefix: String { "outputFormat" }
        }

        @OptionGroup var store: StoreOptions
        @Argument(help: "Agreement id.") var id: Int64
        @Option(help: "text (default), html or pdf (needs -o).") var format: String?
        @Option(name: .shortAndLong, help: "Write to this file (mode 0600) instead of standard output.") var output: String?
        @Option(help: "de (default from plugins.json) or en.") var locale: String?
        @Option(name: .customLong("client-language"), help: ArgumentHelp("The client's language beside the German (a tag or a name, e.g. ar, Dari); default: each signing adult's first language, one copy each.", valueName: "language"))
        var clientLanguage: String?

        func run() throws {
            let session = try store.session()
            let format = try session.context.choice(self.format, "--format", as: Format.self) ?? .text
            if format == .pdf, output == nil { throw UsageError("print.pdfFile") }
            let catalog = try session.context.catalog(for: locale)
            let agreement = try session.store.agreementDocument(id)
            var copies: [PrintDocument] = []
            for client in try session.context.clientCatalogs(for: clientLanguage, reading: agreement.readingLanguages, besides: catalog.locale) {
                copies.append(AgreementText(document: agreement, catalog: catalog, modules: builtinModules, county: session.context.configuration.organisation.county,
                                            client: client, isolateNames: format == .pdf).printDocument())
            }
            let document = PrintDocument(copies)
            let data: Data = switch format {
            case .text: Data(try session.context.templates(catalog).render("document-text", document.model(), as: .text).utf8)
            case .html: Data(try session.context.templates(catalog).render("document-html", document.model(), as: .html).utf8)
            case .pdf: try PDFWriter().render(document)
            }
            guard let output else { return print(String(decoding: data, as: UTF8.self), terminator: "") }
            try OutputFile.write(data, to: output)
            Console.say("print.written", ["file": .text(output)])
        }
    }
}
