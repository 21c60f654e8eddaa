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
