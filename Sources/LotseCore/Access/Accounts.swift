import Foundation
import GRDB
import PluginKit

/// Users before anyone acts: creating the first admin, finding the user mapped to an
/// operating-system account, logging in at the kiosk (with lockout after failures).
public struct Accounts: Sendable {
    public let database: LotseDatabase

    /// Failed logins in a row that lock an account, and for how long.
    public static let maxFailures = 5
    public static let lockout: TimeInterval = 15 * 60

    public init(database: LotseDatabase) { self.database = database }

    public func hasUsers() throws -> Bool {
        try database.read { try User.fetchCount($0) > 0 }
    }

    /// `lotse init`: the first admin, mapped to the operating-system account running it.
    public func initialize(name: String, osUser: String, password: String, on date: LocalDate) throws -> Principal {
        let hash = try PasswordHash.make(password)
        return try database.write { db in
            guard try User.fetchCount(db) == 0 else {
                throw UsageError("accounts.hasUsers")
            }
            var user = User(id: nil, name: name, osUser: osUser, roles: Role.text([.admin]), staffId: nil, passwordHash: hash,
                            disabled: false, failedLogins: 0, lockedUntil: nil, createdOn: date)
            try user.insert(db)
            let principal = try Self.principal(for: user, db)
            try Self.auditCreated(user, by: principal.name, db)
            return principal
        }
    }

    /// The user the command line acts as: the one mapped to `osUser`.
    /// Refusals (no such mapping, disabled) are audited.
    public func principal(osUser: String) throws -> Principal {
        let (user, principal) = try database.read { db -> (User?, Principal?) in
            guard try User.fetchCount(db) > 0 else {
                throw UsageError("accounts.noUsers")
            }
            let user = try User.mapped(to: osUser).fetchOne(db)
            return (user, try user.flatMap { $0.disabled ? nil : try Self.principal(for: $0, db) })
        }
        if let principal { return principal }
        try database.write { db in
            try AuditLog(db, actor: user?.name ?? "os:\(osUser)").record(.refused, "appUser", id: user?.id, caseId: nil,
                                                                          field: user == nil ? "unmapped" : "disabled")
        }
        guard let user else {
            throw UsageError("accounts.unmapped", ["account": .text(osUser)])
        }
        throw UsageError("accounts.userDisabled", ["user": .text(user.name)])
    }

    /// Checks a name and password. Five failures in a row lock the account for 15
    /// minutes; the answer never says whether the name exists.
    public func login(name: String, password: String, now: Date = Date()) throws -> Principal {
        let user = try database.read { try User.named(name).fetchOne($0) }
        // Derive outside any transaction: scrypt takes a while and must not block writers.
        let matches = PasswordHash.verify(password, against: user?.passwordHash ?? PasswordHash.decoy)
        guard let user, let id = user.id else { throw UsageError("accounts.wrong") }
        let outcome = try database.write { db -> Result<Principal, UsageError> in
            guard var current = try User.fetchOne(db, key: id) else { return .failure(UsageError("accounts.wrong")) }
            let audit = AuditLog(db, actor: current.name, at: now)
            if let until = current.lockedUntil, until > Timestamp.string(now) {
                try audit.record(.refused, "appUser", id: id, caseId: nil, field: "locked")
                return .failure(UsageError("accounts.locked", ["count": .number(Self.maxFailures), "time": .text(Self.clock(until))]))
            }
            guard matches else {
                current.failedLogins += 1
                if current.failedLogins >= Self.maxFailures {
                    current.failedLogins = 0
                    current.lockedUntil = Timestamp.string(now.addingTimeInterval(Self.lockout))
                }
                try current.update(db)
                try audit.record(.refused, "appUser", id: id, caseId: nil, field: current.lockedUntil == nil ? "password" : "locked")
                return .failure(current.lockedUntil == nil ? UsageError("accounts.wrong")
                    : UsageError("accounts.nowLocked", ["count": .number(Self.maxFailures), "minutes": .number(Int(Self.lockout / 60))]))
            }
            guard !current.disabled else {
                try audit.record(.refused, "appUser", id: id, caseId: nil, field: "disabled")
                return .failure(UsageError("accounts.disabled"))
            }
            current.failedLogins = 0
            current.lockedUntil = nil
            try current.update(db)
            try audit.record(.login, "appUser", id: id, caseId: nil)
            return .success(try Self.principal(for: current, db))
        }
        return try outcome.get()
    }

    static func principal(for user: User, _ db: Database) throws -> Principal {
        let staff = try user.staffId.flatMap { try Staff.fetchOne(db, key: $0) }
        return Principal(name: user.name, userId: user.id, roles: user.roleSet, staffId: staff?.id, municipalityId: staff?.municipalityId, locale: user.locale)
    }

    /// A new user's audit events: every field, the password hash only as a hash of it.
    static func auditCreated(_ user: User, by actor: String, _ db: Database) throws {
        let audit = AuditLog(db, actor: actor)
        let fields: [(String, String?)] = [("name", user.name), ("osUser", user.osUser), ("roles", user.roles),
                                           ("staffId", user.staffId.map(String.init)), ("disabled", user.disabled ? "1" : "0"),
                                           ("createdOn", user.createdOn.iso), ("password", AuditedState.passwordValue(user.passwordHash)), ("locale", user.locale)]
        for (field, value) in fields {
            try audit.record(.create, "appUser", id: user.id, caseId: nil, field: field, value: .some(value))
        }
    }

    private static func clock(_ timestamp: String) -> String {
        guard let date = try? Date(timestamp, strategy: .iso8601) else { return timestamp }
        return date.formatted(.dateTime.hour(.twoDigits(amPM: .omitted)).minute(.twoDigits))
    }
}
