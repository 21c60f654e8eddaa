import Foundation
import GRDB
import PluginKit

/// The store: every read and write of case data, each write one transaction with its
/// audit events. Commands call these functions; none of them writes SQL.
public struct CaseStore: Sendable {
    public let database: LotseDatabase
    /// Who is acting: recorded in every audit event.
    public let actor: String
    public let vocabulary: Vocabulary
    /// Where attachments are copied to (beside the database file).
    public let attachmentsFolder: URL

    public init(database: LotseDatabase, actor: String, vocabulary: Vocabulary, attachmentsFolder: URL? = nil) {
        self.database = database
        self.actor = actor
        self.vocabulary = vocabulary
        self.attachmentsFolder = attachmentsFolder
            ?? database.path.map { URL(fileURLWithPath: $0 + ".files") }
            ?? FileManager.default.temporaryDirectory.appendingPathComponent("lotse-attachments-\(getpid())")
    }

    /// Runs a change in one transaction with its audit log; database refusals become
    /// data errors with a readable message.
    func write<T>(_ body: (AuditLog) throws -> T) throws -> T {
        do {
            return try database.writer.write { db in try body(AuditLog(db, actor: actor)) }
        } catch let error as DatabaseError {
            throw DataError("the database refused the change (\(error.message ?? "SQLite error \(error.resultCode)")); nothing was saved")
        }
    }

    func read<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try database.writer.read(body)
        } catch let error as DatabaseError {
            throw DataError("cannot read the database (\(error.message ?? "SQLite error \(error.resultCode)")); run 'lotse doctor'")
        }
    }

    /// Checks the audit chain.
    public func verifyAudit() throws -> AuditVerification {
        try read { try AuditVerifier.verify($0) }
    }

    /// Who saw and changed what, oldest first: all events, or those of one case.
    public func auditLog(caseId: Int64?, limit: Int = 10_000) throws -> [AuditEntry] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT seq, at, actor, action, entity, entityId, caseId, field FROM auditEvent
                WHERE ? IS NULL OR caseId = ? ORDER BY seq DESC LIMIT ?
                """, arguments: [caseId, caseId, limit]).reversed().map {
                AuditEntry(seq: $0["seq"], at: $0["at"], actor: $0["actor"], action: $0["action"], entity: $0["entity"],
                           entityId: $0["entityId"], caseId: $0["caseId"], field: $0["field"])
            }
        }
    }

    /// The operating-system user running lotse, the actor until logins exist.
    public static var operatingSystemUser: String {
        if let entry = getpwuid(geteuid()), let name = entry.pointee.pw_name { return String(cString: name) }
        return "uid\(geteuid())"
    }
}

/// A reference a user types for a record: its id, or (for municipalities and staff) its name.
func notFound(_ what: String, _ reference: String, hint: String) -> UsageError {
    UsageError("no \(what) \"\(reference)\"; \(hint)")
}
