import PluginKit

/// A birth date, or only its year (common for refugees' papers). Year-only dates are
/// stored and computed as 1 January of that year, as German registries do.
public struct BirthDate: Sendable, Hashable, Codable, CustomStringConvertible {
    public let date: LocalDate
    public let yearOnly: Bool

    public init(_ date: LocalDate) {
        self.date = date
        self.yearOnly = false
    }

    public init?(year: Int) {
        guard let date = LocalDate(year: year, month: 1, day: 1), (1900...2100).contains(year) else { return nil }
        self.date = date
        self.yearOnly = true
    }

    /// "1985-03-02", "02.03.1985" or "1985".
    public init?(parsing text: String) {
        if text.count == 4, let year = Int(text) { self.init(year: year) } else if let date = LocalDate(parsing: text) { self.init(date) } else { return nil }
    }

    public var description: String { yearOnly ? String(date.year) : date.iso }
}

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
    public var sourceRef: String?
    /// Set when the person arrived with a handover bundle: the sender's reference.
    public var origin: String?

    public init(id: Int64? = nil, birth: BirthDate, sex: Sex, arrivalDate: LocalDate?, stayProspect: StayProspect,
                sourceRef: String? = nil, origin: String? = nil) {
        self.id = id
        self.birthDate = birth.date
        self.birthYearOnly = birth.yearOnly
        self.sex = sex
        self.arrivalDate = arrivalDate
        self.stayProspect = stayProspect
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
}

/// Names, status and contact details: the personal part of a person, removed when a
/// case is archived or the person's data is erased.
public struct PersonIdentity: Sendable, Equatable, Codable {
    public var personId: Int64
    public var familyName: String
    public var givenNames: String
    public var residenceStatus: String?
    /// Languages spoken, comma-separated as given.
    public var languages: String?
    public var interpreterNeeded: Bool
    public var phone: String?
    public var address: String?

    public init(personId: Int64, familyName: String, givenNames: String, residenceStatus: String? = nil,
                languages: String? = nil, interpreterNeeded: Bool = false, phone: String? = nil, address: String? = nil) {
        self.personId = personId
        self.familyName = familyName
        self.givenNames = givenNames
        self.residenceStatus = residenceStatus
        self.languages = languages
        self.interpreterNeeded = interpreterNeeded
        self.phone = phone
        self.address = address
    }

    public var fullName: String { "\(givenNames) \(familyName)" }
}

/// A household and who belonged to it when: a person joining later does not change
/// the figures of dates before.
public struct Household: Sendable, Equatable, Codable {
    public var id: Int64?
    public var municipalityId: Int64
    public var sourceRef: String?

    public init(id: Int64? = nil, municipalityId: Int64, sourceRef: String? = nil) {
        self.id = id
        self.municipalityId = municipalityId
        self.sourceRef = sourceRef
    }
}

public struct HouseholdMember: Sendable, Equatable, Codable {
    public var householdId: Int64
    public var personId: Int64
    public var fromDate: LocalDate
    public var toDate: LocalDate?

    public init(householdId: Int64, personId: Int64, fromDate: LocalDate, toDate: LocalDate? = nil) {
        self.householdId = householdId
        self.personId = personId
        self.fromDate = fromDate
        self.toDate = toDate
    }
}
