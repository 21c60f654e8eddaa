import Foundation
import LotseCore

/// Words typed for a value resolved in the session's language (see `Choices`).
extension AppContext {
    /// A labelled enum's value for a typed word (`--status aktiv`).
    func choice<T: Labelled>(_ typed: String, _ option: String, as type: T.Type = T.self) throws -> T {
        try Choices.resolve(typed, as: type, option: option, catalog: catalog)
    }

    func choice<T: Labelled>(_ typed: String?, _ option: String, as type: T.Type = T.self) throws -> T? {
        guard let typed else { return nil }
        return try Choices.resolve(typed, as: type, option: option, catalog: catalog)
    }

    /// The id a typed word stands for among `choices`.
    func choice(_ typed: String, _ option: String, in choices: Choices) throws -> String {
        try choices.resolve(typed, option: option, catalog: catalog)
    }
}

extension AppContext {
    /// The languages lotse speaks, by their names.
    static let locales = Choices([("de", .label("locale.de")), ("en", .label("locale.en"))])

    /// The catalog of a language named with `--locale` (the session's when none).
    func catalog(for locale: String?) throws -> Catalog {
        guard let locale else { return catalog }
        let code = try choice(locale, "--locale", in: Self.locales)
        return code == catalog.locale ? catalog : try Console.catalog(locale: code, resources: resources)
    }

    /// The language names a user may type: tags, other names, and the labels in every
    /// language lotse speaks ("Arabisch" in an English session too).
    func languageNames() throws -> LanguageNames {
        let others = try Self.locales.choices.map(\.id).filter { $0 != catalog.locale }.map { try Console.catalog(locale: $0, resources: resources) }
        return LanguageNames(try vocabulary().personCodes, catalogs: [catalog] + others)
    }

    /// The client catalogs a document is printed with, nil for the official text alone:
    /// the one named (`--client-language`), else one per language the clients read,
    /// leaving out the document's own language and telling which have no translation yet.
    func clientCatalogs(for named: String?, reading: [String], besides locale: String) throws -> [ClientCatalog?] {
        let names = try languageNames()
        let wanted: [String]
        if let named {
            guard let tag = names.code(named).codes.first else { throw UsageError("client.languageUnknown", ["value": .text(named)]) }
            wanted = [tag]
        } else {
            wanted = reading
        }
        let foreign = wanted.filter { $0 != locale && $0 != ClientCatalog.source }
        if foreign.isEmpty { return [nil] }
        let catalogs = try ClientCatalog.load(resources: resources, county: locations.countyClientLocales)
        for tag in foreign where catalogs[tag] == nil {
            let known = catalogs.keys.filter { $0 != ClientCatalog.source }.sorted().map { TextValue.label("lang.\($0)") }
            if named != nil { throw UsageError("client.noTranslation", ["language": .label("lang.\(tag)"), "known": .list(known)]) }
            voice.error(Message("client.untranslated", ["language": .label("lang.\(tag)")]))
        }
        let chosen = foreign.compactMap { catalogs[$0] }
        return chosen.isEmpty ? [nil] : chosen
    }

    /// A residence status typed as its name or id.
    func residence(_ typed: String?) throws -> String? {
        guard let typed else { return nil }
        let vocabulary = try vocabulary()
        // The names the legacy import knows too ("Duldung" in an English session).
        if let id = vocabulary.personCodes.residence(typed) { return id }
        return try choice(typed, "--residence", in: vocabulary.residenceChoices)
    }
}

extension AppContext {
    /// A decimal typed as the user writes it: 1,5 or 1.5.
    func decimal(_ typed: String, _ option: String) throws -> Double {
        let normal = typed.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: ",", with: ".")
        guard let value = Double(normal), value.isFinite, normal.allSatisfy({ $0.isNumber || $0 == "." || $0 == "-" }) else {
            throw UsageError("value.decimal", ["option": .text(option), "value": .text(typed), "example": .decimal(1.5, places: 1)])
        }
        return value
    }

    func decimal(_ typed: String?, _ option: String) throws -> Double? {
        try typed.map { try decimal($0, option) }
    }
}
