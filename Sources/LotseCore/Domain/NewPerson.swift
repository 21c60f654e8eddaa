import PluginKit

/// What is recorded about a person when they join a case.
public struct NewPerson: Sendable {
    public var familyName: String
    public var givenNames: String
    public var birth: BirthDate
    public var sex: Sex
    public var arrivalDate: LocalDate?
    public var stayProspect: StayProspect
    /// Country of origin and residence status as codes, or as a user writes them
    /// ("sy", "Duldung"): the store checks and normalises them.
    public var country: String?
    public var residence: String?
    /// The residence status as free text: a note beside the code.
    public var residenceStatus: String?
    /// The languages read, as tags (`LanguageNames`), and what was typed beside them as a note.
    public var languageCodes: [String] = []
    public var languages: String?
    public var interpreterNeeded: Bool
    public var phone: String?
    public var address: String?

    public init(familyName: String, givenNames: String, birth: BirthDate, sex: Sex = .unknown, arrivalDate: LocalDate? = nil,
                stayProspect: StayProspect = .unknown, country: String? = nil, residence: String? = nil, residenceStatus: String? = nil, languages: String? = nil,
                interpreterNeeded: Bool = false, phone: String? = nil, address: String? = nil) {
        self.familyName = familyName
        self.givenNames = givenNames
        self.birth = birth
        self.sex = sex
        self.arrivalDate = arrivalDate
        self.stayProspect = stayProspect
        self.country = country
        self.residence = residence
        self.residenceStatus = residenceStatus
        self.languages = languages
        self.interpreterNeeded = interpreterNeeded
        self.phone = phone
        self.address = address
    }
}
