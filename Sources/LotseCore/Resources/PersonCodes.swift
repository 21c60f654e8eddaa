import Foundation

/// The coded facts of a person that reports count and archiving keeps
/// (`resources/person-codes.json`): the country of origin as ISO 3166-1 alpha-2 (with
/// `XK` Kosovo, `XS` stateless and `ZZ` unknown), and the residence status from a short
/// list. Their names are in the locales (`country.<code>`, `residence.<id>` in core).
public struct PersonCodes: Sendable, Codable {
    public struct ResidenceStatus: Sendable, Codable {
        public let id: String
        /// What a legacy file or a user may write for it (case is ignored).
        public let aliases: [String]
    }

    /// A language a client reads: its BCP 47 tag ("ar", "fa-AF" Dari) and the names a
    /// user or a legacy file may write for it besides its catalog names (`lang.<tag>`).
    public struct Language: Sendable, Codable {
        public let code: String
        public let aliases: [String]
    }

    public let countries: [String]
    public let languages: [Language]
    /// The languages usually read by people from a country, offered by the intake.
    public let countryLanguages: [String: [String]]
    public let stateless: String
    public let unknownCountry: String
    public let residenceStatuses: [ResidenceStatus]
    /// Lookups built once: the legacy import asks for every person.
    private let countryCodes: Set<String>
    private let residenceIds: [String: String]

    private enum CodingKeys: String, CodingKey { case countries, languages, countryLanguages, stateless, unknownCountry, residenceStatuses }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        countries = try container.decode([String].self, forKey: .countries)
        languages = try container.decode([Language].self, forKey: .languages)
        countryLanguages = try container.decode([String: [String]].self, forKey: .countryLanguages)
        stateless = try container.decode(String.self, forKey: .stateless)
        unknownCountry = try container.decode(String.self, forKey: .unknownCountry)
        residenceStatuses = try container.decode([ResidenceStatus].self, forKey: .residenceStatuses)
        countryCodes = Set(countries)
        residenceIds = Dictionary(residenceStatuses.flatMap { status in ([status.id] + status.aliases).map { ($0.lowercased(), status.id) } },
                                  uniquingKeysWith: { first, _ in first })
    }

    /// The code of a country given as a code in any case ("sy" → "SY"); nil if unknown.
    public func country(_ text: String) -> String? {
        let code = text.trimmingSpaces.uppercased()
        return countryCodes.contains(code) ? code : nil
    }

    /// The residence status given as its id or one of its aliases, in any case; nil if
    /// unknown.
    public func residence(_ text: String) -> String? {
        residenceIds[text.trimmingSpaces.lowercased()]
    }

    /// The country's code, or a usage error naming what is accepted.
    func checkedCountry(_ text: String) throws -> String {
        guard let code = country(text) else { throw UsageError(unknown(country: text)) }
        return code
    }

    /// What is wrong with a country that is not a known code.
    func unknown(country text: String) -> Message {
        Message("person.country", ["value": .text(text), "stateless": .text(stateless), "unknown": .text(unknownCountry)])
    }

    /// The residence status's id, or a usage error listing the ids.
    func checkedResidence(_ text: String) throws -> String {
        guard let id = residence(text) else {
            throw UsageError("person.residence", ["value": .text(text), "known": .list(residenceStatuses.map { .text($0.id) })])
        }
        return id
    }

    public static func load(from resources: URL) throws(DataError) -> PersonCodes {
        let url = resources.appendingPathComponent("person-codes.json")
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw DataError("resources.missing", ["path": .text(url.path)])
        }
        do { return try JSONDecoder().decode(PersonCodes.self, from: data) } catch {
            throw DataError("resources.invalid", ["path": .text(url.path), "problem": .message(BundleReader.describe(error))])
        }
    }
}
