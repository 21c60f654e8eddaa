/// Everything lotse lets someone do, and which roles may: the one access matrix.
/// Every store function names the permission it needs (`CaseStore.read`/`write`), so
/// the CLI, the REPL and the kiosk are checked alike.
public enum Permission: String, Sendable, CaseIterable {
    /// Names, answers, notes, files of the cases in the user's municipality.
    case readCases
    /// Intake, agreements, conversations, referrals, outcomes, handover, corrections.
    case writeCases
    /// Give a case to another integration manager.
    case reassignCases
    /// Reports as of a date (counts only).
    case runReports
    /// `batch close` over the rules.
    case batchClose
    /// `batch archive`, `batch purge` and erasure: removes personal data without showing it.
    case archive
    /// Users, roles, passwords.
    case manageUsers
    /// Municipalities, staff, legacy import, keys, backup, restore, doctor.
    case configure
    /// The audit log and its verification (who did what, never values).
    case readAuditLog
    /// Names of municipalities and staff (not client data).
    case readOrganisation

    /// The roles that hold this permission.
    public var roles: Set<Role> {
        switch self {
        case .readCases: [.manager, .lead]
        case .writeCases: [.manager]
        case .reassignCases, .batchClose: [.lead]
        case .runReports: [.lead, .auditor]
        case .archive, .manageUsers, .configure: [.admin]
        case .readAuditLog: [.auditor, .admin]
        case .readOrganisation: Set(Role.allCases)
        }
    }

    /// Whether the permission is limited to the cases of the user's municipality.
    var isCaseScoped: Bool { self == .readCases || self == .writeCases || self == .reassignCases || self == .batchClose }
}
