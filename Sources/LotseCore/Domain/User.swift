import Foundation
import GRDB
import PluginKit

/// A lotse user: a person at a terminal (or the batch service) with roles, mapped to an
/// operating-system account for the command line, logging in with a password at the kiosk.
public struct User: Sendable, Equatable, Codable {
    public var id: Int64?
    public var name: String
    public var osUser: String?
    /// Comma-separated roles (see `Role`).
    public var roles: String
    /// The staff record the user is; sets the municipality whose cases they see.
    public var staffId: Int64?
    /// `PasswordHash` text; never shown, logged or audited.
    var passwordHash: String
    public var disabled: Bool
    var failedLogins: Int
    /// Until when the account is locked after repeated failed logins (timestamp).
    public var lockedUntil: String?
    public var createdOn: LocalDate
    /// The language lotse speaks to this user ("de" or "en"; nil: the deployment's).
    public var locale: String? = nil

    public var roleSet: Set<Role> { (try? Role.parseList(roles)) ?? [] }
}

// MARK: - Columns and requests

extension User {
    public enum Columns {
        static let name = Column("name"), osUser = Column("osUser")
    }

    static func named(_ name: String) -> QueryInterfaceRequest<User> { filter(Columns.name == name) }
    /// The user an operating-system account acts as.
    static func mapped(to osUser: String) -> QueryInterfaceRequest<User> { filter(Columns.osUser == osUser) }
    static var byName: QueryInterfaceRequest<User> { order(Columns.name) }
}
