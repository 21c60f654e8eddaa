import GRDB
import PluginKit

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

// MARK: - Columns and requests

extension PersonIdentity {
    public enum Columns {
        static let personId = Column("personId")
    }
}
