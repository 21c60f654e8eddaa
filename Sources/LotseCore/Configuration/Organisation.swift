/// Who runs integration management here, as documents name it (`organisation` in
/// plugins.json): the county ("Landkreis Ostalbkreis"), the office that runs it, the
/// controller of the personal data and its data-protection officer (postal lines).
/// Every field is optional; a document that needs one it lacks says so.
public struct Organisation: Sendable, Equatable {
    public var county: String?
    public var office: String?
    public var controller: String?
    public var dataProtectionOfficer: String?
    /// The archive competent for the county's records ("Kreisarchiv Ostalbkreis"), to
    /// which `batch offer` offers cases past retention.
    public var archive: String?

    public init(county: String? = nil, office: String? = nil, controller: String? = nil, dataProtectionOfficer: String? = nil) {
        self.county = county
        self.office = office
        self.controller = controller
        self.dataProtectionOfficer = dataProtectionOfficer
    }

    static let settingNames = ["county", "office", "controller", "dataProtectionOfficer", "archive"]
    /// Longest text a field may hold: a name and a postal address.
    static let maxCharacters = 300
}
