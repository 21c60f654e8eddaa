import ArgumentParser
import Foundation
import LotseCore
import PluginKit

extension Lotse.PersonCommand {
    struct Export: LotseCommand {
        static let configuration = CommandConfiguration(
            commandName: "export",
            abstract: "Everything stored about a person (GDPR Art. 15): data, cases, transfers and consents, who read or changed it."
        )
        enum Format: String, Labelled {
            case text, html, json
            static var labelPrefix: String { "outputFormat" }
        }

        @OptionGroup var store: StoreOptions
        @Argument(help: "Person id.") var id: Int64
        @Option(name: .shortAndLong, help: "Output file (mode 0600).") var output: String
        @Option(help: "text (printable), html (PDF-ready) or json.") var format: String?
        @OptionGroup var date: DateOption
        @Option(help: "de or en (default: the deployment's language).") var locale: String?

        func run(in source: SessionSource) throws {
            let session = try source.session(store)
            let voice = session.voice
            let format = try session.context.choice(self.format, "--format", as: Format.self) ?? .text
            let catalog = try session.context.catalog(for: locale)
            let access = try session.store.subjectAccess(id, on: date.date)
            let templates = try session.context.templates(catalog)
            let text: String = switch format {
            case .text: try templates.render("subject-access-text", SubjectAccessText(access: access, catalog: catalog).model(), as: .text)
            case .html: try templates.render("subject-access-html", SubjectAccessText(access: access, catalog: catalog).model(), as: .html)
            case .json: try JSONOutput.string(access)
            }
            try OutputFile.write(text, to: output)
            voice.say("person.exported", ["person": .number(id), "file": .text(output)])
        }
    }
}
