import Crypto
import Foundation
import GRDB

/// Failed kiosk logins of one typed name at one terminal. Keyed by a hash of both, so
/// the table holds no name (a password typed into the name field stays unknown) and a
/// name that exists is treated exactly like one that does not: after
/// `Accounts.maxFailures` failures the terminal waits before it takes that name again,
/// twice as long each further time. Other terminals are not affected, so nobody can lock
/// an admin out of the whole installation; `user enable` clears a name's waits.
struct LoginAttempt: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "loginAttempt"

    /// SHA-256 of the lower-cased name and the terminal.
    var key: String
    /// SHA-256 of the lower-cased name alone, so `user enable` can clear every terminal.
    var nameKey: String
    var failures: Int
    var blockedUntil: String?

    enum Columns {
        static let key = Column(CodingKeys.key)
        static let nameKey = Column(CodingKeys.nameKey)
    }

    static func nameKey(_ name: String) -> String {
        Checksum.of(Data(("login\n" + name.lowercased()).utf8))
    }

    static func key(name: String, terminal: String) -> String {
        Checksum.of(Data(("login\n" + name.lowercased() + "\n" + terminal).utf8))
    }

    static func ofName(_ name: String) -> QueryInterfaceRequest<LoginAttempt> {
        filter(Columns.nameKey == nameKey(name))
    }

    /// The wait after `failures` failures: none below the limit, then 30 seconds,
    /// doubling, at most an hour.
    static func wait(after failures: Int) -> TimeInterval? {
        guard failures >= Accounts.maxFailures else { return nil }
        return min(30 * pow(2, Double(failures - Accounts.maxFailures)), 3600)
    }
}
