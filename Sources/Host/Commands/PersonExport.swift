import ArgumentParser
import Foundation
import LotseCore
import PluginKit

extension Lotse.PersonCommand {
    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "export",
            abstract: "Everything stored about a person (GDPR Art. 15): data, cases, transfers and consents, who read or changed it."
        )
        enum Format: String, ExpressibleByArgument, CaseIterable { case text, html, json }

        @OptionGroup var store: StoreOptions
        @Argument(help: "Person id.") var id: Int64
        @Option(name: .shortAndLong, help: "Output file (mode 0600).") var output: String
        @Option(help: "text (printable), html (PDF-ready) or json.") var format: Format = .text
        @OptionGroup var date: DateOption
        @Option(help: "de or en (default: the deployment's language).") var locale: String?

        func validate() throws {
            if let locale, !["de", "en"].contains(locale) { throw UsageError("error.localeOption") }
        }

        func run() throws {
            let session = try store.session()
            let access = try session.store.subjectAccess(id, on: date.date)
            let catalog = try locale.map { try Catalog.load(from: session.context.resources, locale: $0) } ?? session.context.catalog
            let templates = try session.context.templates(locale: catalog.locale)
            let text: String = switch format {
            case .text: try templates.render("subject-access-text", SubjectAccessText(access: access, catalog: catalog).model(), as: .text)
            case .html: try templates.render("subject-access-html", SubjectAccessText(access: access, catalog: catalog).model(), as: .html)
            case .json: try JSONOutput.string(access)
            }
            try OutputFile.write(text, to: output)
            Console.say("person.exported", ["person": .number(id), "file": .text(output)])
        }
    }
}
