import Foundation

/// Reads the languages a person speaks as typed ("Arabisch, fa-AF, etwas Englisch"):
/// each comma-separated part that names a known language by its tag, its name in German
/// or English or one of its other names becomes that language's tag; the parts that do
/// not stay as a free-text note. The first tag is the language the client's documents
/// are printed in.
public struct LanguageNames: Sendable {
    /// Lower-cased tag or name → tag.
    private let tags: [String: String]

    /// The languages of `codes`, named by their tags, aliases and their labels in `catalogs`.
    public init(_ codes: PersonCodes, catalogs: [Catalog]) {
        var tags: [String: String] = [:]
        for language in codes.languages {
            let labels = catalogs.map { $0.render(Message("lang.\(language.code)")) }
            for name in [language.code] + language.aliases + labels where tags[Self.folded(name)] == nil { tags[Self.folded(name)] = language.code }
        }
        self.tags = tags
    }

    /// The tags of the known languages in the order typed (each once), and the rest as a
    /// note (nil when every part was known).
    public func code(_ typed: String) -> (codes: [String], note: String?) {
        var codes: [String] = [], rest: [String] = []
        for part in typed.split(whereSeparator: { $0 == "," || $0 == ";" }).map({ $0.trimmingCharacters(in: .whitespaces) }) where !part.isEmpty {
            if let tag = tags[Self.folded(part)] {
                if !codes.contains(tag) { codes.append(tag) }
            } else {
                rest.append(part)
            }
        }
        return (codes, rest.isEmpty ? nil : rest.joined(separator: ", "))
    }

    /// Case, width and the underscore of "fa_AF" do not matter.
    private static func folded(_ name: String) -> String {
        name.replacingOccurrences(of: "_", with: "-").folding(options: [.caseInsensitive, .widthInsensitive], locale: nil)
    }
}
