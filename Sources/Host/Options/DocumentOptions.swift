import ArgumentParser
import Foundation
import LotseCore

/// How a document for signing or for the client is written (`agreement print`, `person
/// notice`): text, HTML or PDF, to standard output or a file, in the session's language
/// or another, beside the client's language.
struct DocumentOptions: ParsableArguments {
    enum Format: String, Labelled {
        case text, html, pdf
        static var labelPrefix: String { "outputFormat" }
    }

    @Option(help: "text (default), html or pdf (needs -o).") var format: String?
    @Option(name: .shortAndLong, help: "Write to this file (mode 0600) instead of standard output.") var output: String?
    @Option(help: "de (default from plugins.json) or en.") var locale: String?
    @Option(name: .customLong("client-language"), help: ArgumentHelp("The client's language beside the German (a tag or a name, e.g. ar, Dari); default: each signing adult's first language, one copy each.", valueName: "language"))
    var clientLanguage: String?

    /// Writes one copy per client language (`reading`, unless one is named), each made by
    /// `copy` from the catalog, the client catalog (nil: the official text alone) and
    /// whether names go into bidi isolates (the PDF).
    func write(_ session: Session, reading: [String], copy: (Catalog, ClientCatalog?, Bool) throws -> PrintDocument) throws {
        let format = try session.context.choice(self.format, "--format", as: Format.self) ?? .text
        if format == .pdf, output == nil { throw UsageError("print.pdfFile") }
        let catalog = try session.context.catalog(for: locale)
        let copies = try session.context.clientCatalogs(for: clientLanguage, reading: reading, besides: catalog.locale).map { client in
            try copy(catalog, client, format == .pdf)
        }
        let document = PrintDocument(copies)
        let data: Data = switch format {
        case .text: Data(try session.context.templates(catalog).render("document-text", document.model(), as: .text).utf8)
        case .html: Data(try session.context.templates(catalog).render("document-html", document.model(), as: .html).utf8)
        case .pdf: try PDFWriter().render(document)
        }
        guard let output else { return print(String(decoding: data, as: UTF8.self), terminator: "") }
        try OutputFile.write(data, to: output)
        session.voice.say("print.written", ["file": .text(output)])
    }
}
