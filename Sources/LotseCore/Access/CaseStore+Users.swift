import Foundation
import GRDB
import PluginKit

// MARK: - Users (admin only): add, list, disable, enable, password, roles

extension CaseStore {
    /// A user as `user list` shows it: no password hash.
    public struct UserSummary: Sendable, Codable, Equatable {
        public let name: String
        public let osUser: String?
        public let roles: [String]
        public let staff: String?
        public let municipality: String?
        public let disabled: Bool
        public let lockedUntil: String?
    }

    /// Adds a user. Managers and leads belong to a staff record (their municipality);
    /// without one they must be marked county-wide on purpose.
    public func addUser(name: String, osUser: String?, roles: Set<Role>, staff: String?, countyWide: Bool,
                        password: String, locale: String? = nil, on date: LocalDate) throws {
        if let locale { try Self.checkLocale(locale) }
        guard !name.trimmingCharacters(in: .whitespaces).isEmpty, !name.contains(",") else { throw UsageError("user.name") }
        guard !roles.isEmpty else { throw UsageError("user.roleNeeded", ["known": .list(Role.allCases.map { .text($0.rawValue) })]) }
        let hash = try PasswordHash.make(password)
        try write(.manageUsers) { audit in
            let db = audit.db
            guard try User.named(name).fetchCount(db) == 0 else { throw UsageError("user.exists", ["user": .text(name)]) }
            if let osUser, try User.mapped(to: osUser).fetchCount(db) > 0 {
                throw UsageError("user.accountTaken", ["account": .text(osUser)])
            }
            let staffId = try staff.map { try Staff.resolve($0, db).id! }
            try Self.checkScope(roles: roles, staffId: staffId, countyWide: countyWide)
            var user = User(id: nil, name: name, osUser: osUser, roles: Role.text(roles), staffId: staffId, passwordHash: hash,
                            disabled: false, failedLogins: 0, lockedUntil: nil, createdOn: date, locale: locale)
            try user.insert(db)
            try Accounts.auditCreated(user, by: principal.name, db)
        }
    }

    public func users() throws -> [UserSummary] {
        try read(.manageUsers) { db in
            try User.byName.fetchAll(db).map { user in
                let staff = try user.staffId.flatMap { try Staff.fetchOne(db, key: $0) }
                return UserSummary(name: user.name, osUser: user.osUser, roles: user.roleSet.sorted().map(\.rawValue), staff: staff?.name,
                                   municipality: try staff.flatMap { try Municipality.fetchOne(db, key: $0.municipalityId)?.name },
                                   disabled: user.disabled, lockedUntil: user.lockedUntil)
            }
        }
    }

    /// Disables or enables a user; enabling also lifts a lockout.
    public func setDisabled(_ name: String, _ disabled: Bool) throws {
        try changeUser(name) { user, db in
            guard !(disabled && user.name == principal.name) else { throw UsageError("user.disableSelf") }
            user.disabled = disabled
            if !disabled {
                // Enabling also unlocks: the name's waits at every terminal end.
                user.failedLogins = 0
                user.lockedUntil = nil
                try LoginAttempt.ofName(user.name).deleteAll(db)
            }
        }
    }

    public func setPassword(_ name: String, _ password: String) throws {
        let hash = try PasswordHash.make(password)
        try changeUser(name) { user, _ in user.passwordHash = hash; user.failedLogins = 0; user.lockedUntil = nil }
    }

    /// Sets the language lotse speaks to a user (nil: the deployment's).
    public func setLocale(_ name: String, _ locale: String?) throws {
        if let locale { try Self.checkLocale(locale) }
        try changeUser(name) { user, _ in user.locale = locale }
    }

    static func checkLocale(_ locale: String) throws {
        guard ["de", "en"].contains(locale) else { throw UsageError("error.localeOption") }
    }

    /// Replaces a user's roles (and staff link, if given).
    public func setRoles(_ name: String, roles: Set<Role>, staff: String?, countyWide: Bool) throws {
        guard !roles.isEmpty else { throw UsageError("user.noRoles") }
        try changeUser(name) { user, db in
            if let staff { user.staffId = try Staff.resolve(staff, db).id }
            try Self.checkScope(roles: roles, staffId: user.staffId, countyWide: countyWide)
            if user.name == principal.name, !roles.contains(.admin) { throw UsageError("user.adminSelf") }
            // Separation of duties in the shared installation: another admin grants a
            // role or widens a scope, never the user themselves (the refusal is audited).
            if UserRights.secure, user.name == principal.name,
               !roles.isSubset(of: user.roleSet) || staff != nil || (countyWide && user.staffId != nil) {
                throw AccessDenied(principal: principal, permission: .manageUsers, caseId: nil, reason: .selfGrant)
            }
            user.roles = Role.text(roles)
        }
    }

    /// One audited change of a user; the password hash is audited only as a hash of it.
    private func changeUser(_ name: String, _ change: (inout User, Database) throws -> Void) throws {
        try write(.manageUsers) { audit in
            guard let old = try User.named(name).fetchOne(audit.db) else {
                throw UsageError("notFound.user", ["reference": .text(name)])
            }
            var new = old
            try change(&new, audit.db)
            try new.update(audit.db)
            var (before, after) = (old, new)
            (before.passwordHash, after.passwordHash) = ("", "")  // the audit log says that it changed, never the hash
            try audit.updated(from: before, to: after, id: old.id, caseId: nil)
            if old.passwordHash != new.passwordHash {
                try audit.record(.update, "appUser", id: old.id, caseId: nil, field: "password", value: .some(AuditedState.passwordValue(new.passwordHash)))
            }
        }
    }

    static func checkScope(roles: Set<Role>, staffId: Int64?, countyWide: Bool) throws {
        if staffId == nil, !countyWide, !roles.isDisjoint(with: [.manager, .lead]) {
            throw UsageError("user.scopeNeeded")
        }
    }
}
