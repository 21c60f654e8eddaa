import PluginKit

/// The pseudonymous part of a person: what reports need and archiving keeps.
/// Names and contact details live in `PersonIdentity`.
public struct Person: Sendable, Equatable, Codable {
    public var id: Int64?
    /// The birth date; 1 January when only the year is known (`birthYearOnly`).
    public var birthDate: LocalDate
    public var birthYearOnly: Bool
    public var sex: Sex
    public var arrivalDate: LocalDate?
    public var stayProspect: StayProspect
    /// Country of origin, ISO 3166-1 alpha-2 (`PersonCodes`); nil: not recorded.
    public var country: String?
    /// Residence status, an id of `PersonCodes.residenceStatuses`; nil: not recorded.
    public var residence: String?
    /// The languages the person reads, BCP 47 tags separated by commas ("ar,fr"); the
    /// first is the language of their documents. Nil: not known (`LanguageNames`).
    public var languageCodes: String?
    public var sourceRef: String?
    /// Set when the person arrived with a handover bundle: the sender's reference.
    public var origin: String?

    public init(id: Int64? = nil, birth: BirthDate, sex: Sex, arrivalDate: LocalDate?, stayProspect: StayProspect,
                country: String? = nil, residence: String? = nil, languageCodes: [String] = [], sourceRef: String? = nil, origin: String? = nil) {
        self.id = id
        self.birthDate = birth.date
        self.birthYearOnly = birth.yearOnly
        self.sex = sex
        self.arrivalDate = arrivalDate
        self.stayProspect = stayProspect
        self.country = country
        self.residence = residence
        self.languageCodes = languageCodes.isEmpty ? nil : languageCodes.joined(separator: ",")
        self.sourceRef = sourceRef
        self.origin = origin
    }

    /// Whether the person arrived in the window the Pakt für Integration prioritises
    /// (1 January 2015 to 29 February 2016).
    public var arrivedInPriorityWindow: Bool {
        guard let arrivalDate else { return false }
        return arrivalDate >= LocalDate(year: 2015, month: 1, day: 1)! && arrivalDate <= LocalDate(year: 2016, month: 2, day: 29)!
    }

    public var birth: BirthDate { birthYearOnly ? BirthDate(year: birthDate.year)! : BirthDate(birthDate) }

    public func isAdult(on date: LocalDate) -> Bool { birthDate.age(on: date) >= 18 }

    /// The country of origin and residence status as the catalog names them.
    public var countryLabel: TextValue? { country.map { .label("country.\($0)") } }
    public var residenceLabel: TextValue? { residence.map { .label("residence.\($0)") } }

    /// The language tags, the document language first.
    public var languages: [String] { Self.languages(languageCodes) }

    /// The tags of a stored `languageCodes`.
    static func languages(_ codes: String?) -> [String] { codes?.split(separator: ",").map(String.init) ?? [] }

    /// The languages a household's copies of a document are printed in: each signer's
    /// first language, once, in their order; where no signer's is known, anyone's.
    static func readingLanguages(signers: [[String]], everyone: [[String]]) -> [String] {
        func firsts(_ lists: [[String]]) -> [String] {
            lists.compactMap(\.first).reduce(into: []) { tags, tag in if !tags.contains(tag) { tags.append(tag) } }
        }
        let own = firsts(signers)
        return own.isEmpty ? firsts(everyone) : own
    }
    /// The languages as the catalog names them, nil when none is known.
    public var languagesLabel: TextValue? { languages.isEmpty ? nil : .list(languages.map { .label("lang.\($0)") }) }
}
