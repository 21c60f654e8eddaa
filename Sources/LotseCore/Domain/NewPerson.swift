import PluginKit

/// What is recorded about a person when they join a case.
public struct NewPerson: Sendable {
    public var familyName: String
    public var givenNames: String
    public var birth: BirthDate
    public var sex: Sex
    public var arrivalDate: LocalDate?
    public var stayProspect: StayProspect
    public var residenceStatus: String?
    public var languages: String?
    public var interpreterNeeded: Bool
    public var phone: String?
    public var address: String?

    public init(familyName: String, givenNames: String, birth: BirthDate, sex: Sex = .unknown, arrivalDate: LocalDate? = nil,
                stayProspect: StayProspect = .unknown, residenceStatus: String? = nil, languages: String? = nil,
                interpreterNeeded: Bool = false, phone: String? = nil, address: String? = nil) {
        self.familyName = familyName
        self.givenNames = givenNames
        self.birth = birth
        self.sex = sex
        self.arrivalDate = arrivalDate
        self.stayProspect = stayProspect
        self.residenceStatus = residenceStatus
        self.languages = languages
        self.interpreterNeeded = interpreterNeeded
        self.phone = phone
        self.address = address
    }
}
