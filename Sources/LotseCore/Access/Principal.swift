import GRDB

/// Who is acting: a logged-in or operating-system-mapped lotse user with their roles
/// and the municipality their staff record belongs to.
public struct Principal: Sendable, Equatable {
    /// The name in the audit log.
    public let name: String
    public let userId: Int64?
    public let roles: Set<Role>
    /// The staff record the user is (integration managers and leads of a municipality).
    public let staffId: Int64?
    /// The municipality whose cases the user may see; nil: every municipality (the
    /// county's coordination, or a role that is not limited to cases).
    public let municipalityId: Int64?
    /// The user's own language, if they chose one.
    public let locale: String?

    public init(name: String, userId: Int64?, roles: Set<Role>, staffId: Int64?, municipalityId: Int64?, locale: String? = nil) {
        self.locale = locale
        self.name = name
        self.userId = userId
        self.roles = roles
        self.staffId = staffId
        self.municipalityId = municipalityId
    }

    /// Every role, every municipality: for tests and benchmarks (`LotseTesting`). The
    /// command line never acts as it.
    package static func unrestricted(_ name: String) -> Principal {
        Principal(name: name, userId: nil, roles: Set(Role.allCases), staffId: nil, municipalityId: nil)
    }

    public func may(_ permission: Permission) -> Bool { !roles.isDisjoint(with: permission.roles) }

    /// Throws `AccessDenied` unless the user holds a role with the permission.
    func requireRole(_ permission: Permission, caseId: Int64? = nil) throws(AccessDenied) {
        guard may(permission) else { throw AccessDenied(principal: self, permission: permission, caseId: caseId, reason: .role) }
    }

    /// Throws `AccessDenied` unless the user holds the permission and, for case data,
    /// the case belongs to their municipality.
    func authorize(_ permission: Permission, caseId: Int64?, _ db: Database) throws {
        try requireRole(permission, caseId: caseId)
        guard permission.isCaseScoped, let municipalityId, let caseId else { return }
        let owner = try CaseFile.filter(key: caseId).select(CaseFile.Columns.municipalityId, as: Int64.self).fetchOne(db)
        if let owner, owner != municipalityId {
            throw AccessDenied(principal: self, permission: permission, caseId: caseId, reason: .municipality)
        }
    }

    /// Throws unless the person belongs to a household of the user's municipality.
    func authorize(_ permission: Permission, personId: Int64, _ db: Database) throws {
        try requireRole(permission)
        guard permission.isCaseScoped, let municipalityId else { return }
        let households = Household.filter(Household.Columns.municipalityId == municipalityId).select(Household.Columns.id)
        let memberships = HouseholdMember.filter(HouseholdMember.Columns.personId == personId && households.contains(HouseholdMember.Columns.householdId))
        if try memberships.isEmpty(db) { throw AccessDenied(principal: self, permission: permission, caseId: nil, reason: .municipality) }
    }

    /// Throws unless a municipality (by id) is within the user's reach.
    func authorize(_ permission: Permission, municipalityId target: Int64) throws {
        try requireRole(permission)
        if let municipalityId, permission.isCaseScoped, municipalityId != target {
            throw AccessDenied(principal: self, permission: permission, caseId: nil, reason: .municipality)
        }
    }
}
