import Foundation
import GRDB
import PluginKit

/// Users before anyone acts: creating the first admin, finding the user mapped to an
/// operating-system account, logging in at the kiosk (with lockout after failures).
public struct Accounts: Sendable {
    public let database: LotseDatabase

    /// Failed logins of one name at one terminal after which that terminal waits.
    public static let maxFailures = 5

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
    /// The language a mapped, enabled user reads, looked up without side effects (no
    /// file created, nothing audited): help and argument errors come before any session.
    /// Nil when there is no database, no such user or no language of their own.
    public static func locale(osUser: String, database url: URL) -> String? {
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        var configuration = GRDB.Configuration()
        configuration.readonly = true
        guard let queue = try? DatabaseQueue(path: url.path, configuration: configuration) else { return nil }
        return try? queue.read { db in
            try User.mapped(to: osUser).filter(Column("disabled") == false).fetchOne(db)?.locale
        }
    }

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

    /// Checks a name and password typed at `terminal`. After five failures of one name
    /// at one terminal, that terminal waits before it takes the name again
    /// (`LoginAttempt`); the answers never say whether the name exists.
    public func login(name: String, password: String, terminal: String, now: Date = Date()) throws -> Principal {
        let key = LoginAttempt.key(name: name, terminal: terminal)
        let (user, attempt) = try database.read { db in (try User.named(name).fetchOne(db), try LoginAttempt.fetchOne(db, key: key)) }
        if let until = attempt?.blockedUntil, until > Timestamp.string(now) {
            throw UsageError("accounts.wait", ["time": .text(Self.clock(until))])
        }
        // Derive outside any transaction: scrypt takes a while and must not block writers.
        let matches = PasswordHash.verify(password, against: user?.passwordHash ?? PasswordHash.decoy)
        let outcome = try database.write { db -> Result<Principal, UsageError> in
            let current = try user?.id.flatMap { try User.fetchOne(db, key: $0) }
            guard let current, let id = current.id, matches else {
                // The same work and the same answer for a name that exists and one that does not.
                var failed = try LoginAttempt.fetchOne(db, key: key) ?? LoginAttempt(key: key, nameKey: LoginAttempt.nameKey(name), failures: 0)
                failed.failures += 1
                let wait = LoginAttempt.wait(after: failed.failures)
                failed.blockedUntil = wait.map { Timestamp.string(now.addingTimeInterval($0)) }
                try failed.save(db)
                if let current {
                    try AuditLog(db, actor: current.name, at: now).record(.refused, "appUser", id: current.id, caseId: nil, field: wait == nil ? "password" : "locked")
                }
                return .failure(failed.blockedUntil.map { UsageError("accounts.wait", ["time": .text(Self.clock($0))]) } ?? UsageError("accounts.wrong"))
            }
            let audit = AuditLog(db, actor: current.name, at: now)
            guard !current.disabled else {
                try audit.record(.refused, "appUser", id: id, caseId: nil, field: "disabled")
                return .failure(UsageError("accounts.disabled"))
            }
            try LoginAttempt.deleteOne(db, key: key)
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
        guard let date = Timestamp.date(timestamp) else { return timestamp }
        return date.formatted(.dateTime.hour(.twoDigits(amPM: .omitted)).minute(.twoDigits).second(.twoDigits))
    }
}
