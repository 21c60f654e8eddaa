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

    struct Erase: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "erase",
            abstract: "Erase a person's personal data (GDPR Art. 17) unless a retention duty stands against it; report figures stay."
        )
        @OptionGroup var store: StoreOptions
        @Argument(help: "Person id.") var id: Int64
        @Option(help: "Why (the request, its date).") var reason: String
        @OptionGroup var date: DateOption

        func run() throws {
            let session = try store.session()
            try session.store.erasePerson(id, reason: reason, retentionYears: session.context.configuration.deployment.retentionYears, on: date.date)
            Console.say("person.erased", ["person": .number(id)])
        }
    }

    struct Edit: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "edit", abstract: "Correct a person's details (GDPR Art. 16); earlier values stay in the audit log.")
        @OptionGroup var store: StoreOptions
        @Argument(help: "Person id.") var id: Int64
        @Option(name: .customLong("family-name"), help: "Family name.") var familyName: String?
        @Option(name: .customLong("given-names"), help: "Given names.") var givenNames: String?
        @Option(name: .customLong("residence-status"), help: "Residence status, e.g. Aufenthaltserlaubnis, Gestattung, Duldung.") var residenceStatus: String?
        @Option(help: "Languages spoken, comma-separated.") var languages: String?
        @Flag(inversion: .prefixedNo, help: "Needs an interpreter.") var interpreter: Bool?
        @Option(help: "Phone number.") var phone: String?
        @Option(help: "Address.") var address: String?

        func run() throws {
            let identity = try store.session().store.correctPerson(id) { identity in
                if let familyName { identity.familyName = familyName }
                if let givenNames { identity.givenNames = givenNames }
                if let residenceStatus { identity.residenceStatus = residenceStatus }
                if let languages { identity.languages = languages }
                if let interpreter { identity.interpreterNeeded = interpreter }
                if let phone { identity.phone = phone }
                if let address { identity.address = address }
            }
            Console.say("person.corrected", ["person": .number(identity.personId)])
        }
    }
}
