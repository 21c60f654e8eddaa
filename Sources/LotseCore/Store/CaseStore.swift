import Foundation
import GRDB
import PluginKit

/// The store: every read and write of case data, each write one transaction with its
/// audit events. Commands call these functions; none of them writes SQL.
public struct CaseStore: Sendable {
    public let database: LotseDatabase
    /// Who is acting: their roles decide what the store does, their name goes into
    /// every audit event.
    public let principal: Principal
    public let vocabulary: Vocabulary
    /// Where attachments are copied to (beside the database file).
    public let attachmentsFolder: URL
    /// How long a stored text may be (`maxFieldChars`, `maxNoteChars`).
    public var fieldLimits = FieldLimits()
    /// Largest file `attach` copies (`attachmentMaxMB`).
    public var attachmentLimit: Int64 = Int64(Deployment().attachmentMaxMB) << 20

    public init(database: LotseDatabase, principal: Principal, vocabulary: Vocabulary, attachmentsFolder: URL? = nil) {
        self.database = database
        self.principal = principal
        self.vocabulary = vocabulary
        self.attachmentsFolder = attachmentsFolder
            ?? database.path.map { URL(fileURLWithPath: $0 + ".files") }
            ?? FileManager.default.temporaryDirectory.appendingPathComponent("lotse-attachments-\(getpid())")
    }

    /// Who is acting, for the audit log.
    var actor: String { principal.name }

    /// Runs a change in one transaction with its audit log, if the user holds
    /// `permission` (for `caseId`: and the case is in their municipality). Database
    /// refusals become data errors with a readable message; access refusals are
    /// audited and thrown.
    func write<T>(_ permission: Permission, case caseId: Int64? = nil, _ body: (AuditLog) throws -> T) throws -> T {
        do {
            return try database.write { db in
                try principal.authorize(permission, caseId: caseId, db)
                return try body(AuditLog(db, actor: actor, limits: fieldLimits))
            }
        } catch let denied as AccessDenied {
            throw audited(denied)
        } catch let error as DatabaseError {
            throw DataError("database.writeRefused", ["detail": .text(error.message ?? "SQLite \(error.resultCode)")])
        }
    }

    /// Reads personal data and appends the read event (`audit.record(.read, …)`) in one
    /// transaction: a read, though it writes to the log (see `write`).
    func auditedRead<T>(_ permission: Permission, case caseId: Int64? = nil, _ body: (AuditLog) throws -> T) throws -> T {
        try write(permission, case: caseId, body)
    }

    /// Reads in one snapshot, if the user holds `permission` (see `write`).
    func read<T>(_ permission: Permission, case caseId: Int64? = nil, _ body: (Database) throws -> T) throws -> T {
        do {
            return try database.read { db in
                try principal.authorize(permission, caseId: caseId, db)
                return try body(db)
            }
        } catch let denied as AccessDenied {
            throw audited(denied)
        } catch let error as DatabaseError {
            throw DataError("database.readFailed", ["detail": .text(error.message ?? "SQLite \(error.resultCode)")])
        }
    }

    /// Checks a permission that guards work outside the database (backup, restore).
    public func require(_ permission: Permission) throws {
        do { try principal.requireRole(permission) } catch { throw audited(error) }
    }

    /// Checks that the user holds one of `permissions` (the first is named when not).
    public func requireAny(_ permissions: [Permission]) throws {
        guard !permissions.contains(where: principal.may) else { return }
        try require(permissions[0])
    }

    /// Records a refusal in its own transaction (the refused one rolled back).
    private func audited(_ denied: AccessDenied) -> AccessDenied {
        _ = try? database.write { db in
            try AuditLog(db, actor: actor).record(.refused, "access", id: nil, caseId: denied.caseId, field: denied.permission.rawValue)
        }
        return denied
    }

    /// Cases of the user's municipality only, for lists: nil when they see every one.
    var municipalityScope: Int64? { principal.municipalityId }

    /// The operating-system account that started lotse; the command line acts as the
    /// lotse user mapped to it. The real uid, never the effective one: installed setuid
    /// to a service account, the effective uid would make every caller that account.
    public static var operatingSystemUser: String {
        if let entry = getpwuid(getuid()), let name = entry.pointee.pw_name { return String(cString: name) }
        return "uid\(getuid())"
    }
}

/// A reference a user types for a record: its id, or (for municipalities and staff) its name.
/// Says that no record answers to it (`notFound.case`: "no case \"12\"; …").
func notFound(_ what: String, _ reference: String) -> UsageError {
    UsageError("notFound.\(what)", ["reference": .text(reference)])
}
