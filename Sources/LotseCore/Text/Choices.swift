import PluginKit

/// The values a user may type for one option or answer: each an id with the text the
/// catalog names it by. A user types the label in their own language (any case, an
/// unambiguous beginning, "ä" or "ae"), or the id. lotse resolves the word here rather
/// than through ArgumentParser, whose refusals are English: a wrong word is refused in
/// the user's language with the valid labels listed.
public struct Choices: Sendable {
    public struct Choice: Sendable {
        public let id: String
        public let label: TextValue
    }

    public let choices: [Choice]

    public init(_ choices: [(id: String, label: TextValue)]) {
        self.choices = choices.map { Choice(id: $0.id, label: $0.label) }
    }

    /// The values of a labelled enum.
    public init<T: Labelled>(_ type: T.Type) {
        choices = T.allCases.map { Choice(id: $0.rawValue, label: $0.label) }
    }

    /// The labels as the catalog writes them, in order (Tab completion, refusals).
    public func labels(in catalog: Catalog) -> [String] { choices.map { catalog.format($0.label) } }

    /// The id a typed word stands for. `option` names what was asked (`--status`).
    public func resolve(_ typed: String, option: String, catalog: Catalog) throws(UsageError) -> String {
        let word = Self.folded(typed)
        let named = choices.map { (choice: $0, label: Self.folded(catalog.format($0.label)), id: Self.folded($0.id)) }
        if !word.isEmpty, let exact = named.first(where: { $0.id == word || $0.label == word }) { return exact.choice.id }
        let matches = word.isEmpty ? [] : named.filter { $0.label.hasPrefix(word) || $0.id.hasPrefix(word) }
        if matches.count == 1 { return matches[0].choice.id }
        let key = matches.isEmpty ? "choice.unknown" : "choice.ambiguous"
        throw UsageError(key, ["option": .text(option), "value": .text(typed),
                               "known": .alternatives((matches.isEmpty ? named : matches).map { .text(catalog.format($0.choice.label)) })])
    }

    /// A labelled enum's value for a typed word.
    public static func resolve<T: Labelled>(_ typed: String, as type: T.Type, option: String, catalog: Catalog) throws(UsageError) -> T {
        let id = try Choices(type).resolve(typed, option: option, catalog: catalog)
        return T(rawValue: id)!
    }

    /// Several comma-separated words (`--topics Sprache,Gesundheit`), each resolved.
    public func resolveList(_ typed: String, option: String, catalog: Catalog) throws(UsageError) -> [String] {
        var ids: [String] = []
        for word in typed.split(separator: ",") {
            let id = try resolve(String(word), option: option, catalog: catalog)
            if !ids.contains(id) { ids.append(id) }
        }
        return ids
    }

    /// The one entry whose name has, for every typed word, a word beginning with it
    /// ("Aalen" for "Stadt Aalen", "Anja" or "schwarz" for "Anja Schwarz", "Gmuend" for
    /// "Stadt Schwäbisch Gmünd"); nil when none or several do.
    static func byWords<T>(_ typed: String, in entries: [T], name: (T) -> String) -> T? {
        let words = folded(typed).split(separator: " ")
        guard !words.isEmpty else { return nil }
        let matches = entries.filter { entry in
            let own = folded(name(entry)).split(separator: " ")
            return words.allSatisfy { word in own.contains { $0.hasPrefix(word) } }
        }
        return matches.count == 1 ? matches[0] : nil
    }

    /// A word as it is compared: lower case, umlauts as "ae", "oe", "ue", "ß" as "ss",
    /// "_" and "-" as spaces, runs of spaces as one.
    static func folded(_ text: String) -> String {
        var result = ""
        for character in text.lowercased() {
            switch character {
            case "ä": result += "ae"
            case "ö": result += "oe"
            case "ü": result += "ue"
            case "ß": result += "ss"
            case "_", "-", " ", "\t":
                if !result.isEmpty, result.last != " " { result += " " }
            default: result.append(character)
            }
        }
        return result.last == " " ? String(result.dropLast()) : result
    }
}
