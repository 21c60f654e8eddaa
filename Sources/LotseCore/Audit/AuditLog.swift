import Foundation
import GRDB

/// The append-only audit log: every change and every read of personal data is an
/// event (who, when, what, which record and field), chained by SHA-256.
///
/// An event holds a salted hash of the value, not the value: values (personal data) sit
/// in `auditValue` rows that archiving and erasure may delete. The salt goes with the
/// value, so a deleted value cannot be guessed back from its hash, and the chain still
/// verifies. `auditHead` repeats the chain's length and last hash.
struct AuditLog {
    let db: Database
    let actor: String
    let at: String
    /// How long a stored text may be, and which may hold line breaks.
    let limits: FieldLimits

    init(_ db: Database, actor: String, at: Date = Date(), limits: FieldLimits = FieldLimits()) {
        self.db = db
        self.actor = actor
        self.at = Timestamp.string(at)
        self.limits = limits
    }

    enum Action: String {
        case create, update, delete, read, close, reopen, reassign, admit, `import`
        /// An action the user's roles do not allow (field: the permission).
        case refused
        case login
        /// A backup put in place (fields: the restored and the replaced chain head).
        case restore
    }

    /// Records one event; `value` (personal data) is stored apart from the chain.
    func record(_ action: Action, _ entity: String, id: Int64?, caseId: Int64?, field: String? = nil, value: String?? = .none) throws {
        // Cached statements: an import writes thousands of events in one transaction.
        let head = try Row.fetchOne(db.cachedStatement(sql: "SELECT count, lastHash FROM auditHead WHERE id = 1"))
        let count: Int64 = head?["count"] ?? 0
        let previous: String = head?["lastHash"] ?? AuditChain.genesis
        let seq = count + 1
        var valueHash: String?
        var salt: String?
        if case .some(let stored?) = value, let control = UntrustedText.controlCharacter(in: stored) {
            // Every audited write passes here, so no command can store text that would
            // drive a terminal, or a NUL that SQLite would cut off behind the log's back.
            throw UsageError("audit.control", ["field": .text(field.map { "\(entity).\($0)" } ?? entity), "codePoint": .text(UntrustedText.codePoint(control))])
        }
        if case .some(let stored?) = value, let problem = limits.problem(in: stored, field: field.map { "\(entity).\($0)" } ?? entity) {
            throw UsageError("field.refused", ["field": .text(field.map { "\(entity).\($0)" } ?? entity), "problem": .message(problem)])
        }
        if case .some(let stored) = value {
            let newSalt = AuditChain.randomSalt()
            salt = newSalt
            valueHash = AuditChain.valueHash(salt: newSalt, value: stored)
        }
        let event = AuditChain.Event(seq: seq, at: at, actor: actor, action: action.rawValue, entity: entity, entityId: id,
                                     caseId: caseId, field: field, valueHash: valueHash)
        let hash = event.hash(after: previous)
        try db.cachedStatement(sql: """
            INSERT INTO auditEvent (seq, at, actor, action, entity, entityId, caseId, field, valueHash, prevHash, hash)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [seq, at, actor, action.rawValue, entity, id, caseId, field, valueHash, previous, hash])
        if let salt, case .some(let stored) = value {
            try db.cachedStatement(sql: "INSERT INTO auditValue (seq, salt, value) VALUES (?, ?, ?)").execute(arguments: [seq, salt, stored])
        }
        try db.cachedStatement(sql: """
            INSERT INTO auditHead (id, count, lastHash) VALUES (1, ?, ?)
            ON CONFLICT(id) DO UPDATE SET count = excluded.count, lastHash = excluded.lastHash
            """).execute(arguments: [seq, hash])
        CrashHook.auditEventWritten()
    }

    /// Deletes the values of a case's events (archiving): the events and their hashes stay.
    func forgetValues(ofCase caseId: Int64) throws {
        try db.execute(sql: "DELETE FROM auditValue WHERE seq IN (SELECT seq FROM auditEvent WHERE caseId = ?)", arguments: [caseId])
    }

    /// Deletes the values of the events about a person, their answers and referrals
    /// (erasure): the events and their hashes stay.
    func forgetValues(ofPerson personId: Int64) throws {
        try db.execute(sql: """
            DELETE FROM auditValue WHERE seq IN (SELECT seq FROM auditEvent WHERE entity IN ('person', 'personIdentity', 'householdMember') AND entityId = :person)
               OR seq IN (SELECT seq FROM auditEvent WHERE entity = 'answer' AND entityId IN (SELECT id FROM answer WHERE personId = :person))
               OR seq IN (SELECT seq FROM auditEvent WHERE entity = 'referral' AND entityId IN (SELECT id FROM referral WHERE personId = :person))
            """, arguments: ["person": personId])
    }

    /// Deletes the rows `request` selects, each with a delete event (under the id its
    /// events carry, `key`) naming why (`archived`, `purged`, `erased`), so the state
    /// check in `audit verify` expects them gone.
    func deleteAll<R: TableRecord>(_ request: QueryInterfaceRequest<R>, key: Column = Column("id"), caseId: Int64?, why: String) throws {
        let ids = try request.select(key, as: Int64.self).fetchAll(db)
        for id in ids { try record(.delete, R.databaseTableName, id: id, caseId: caseId, field: why) }
        try request.deleteAll(db)
    }

    /// Records a new record: one event per field that has a value.
    func created(_ record: some EncodableRecord & TableRecord, id: Int64?, caseId: Int64?) throws {
        let fields = try record.databaseDictionary
        for (field, value) in fields.sorted(by: { $0.key < $1.key }) where field != "id" && !value.isNull {
            try self.record(.create, type(of: record).databaseTableName, id: id, caseId: caseId, field: field, value: value.auditText)
        }
    }

    /// Records the fields that changed between two versions of a record.
    func updated<R: EncodableRecord & TableRecord>(from old: R, to new: R, id: Int64?, caseId: Int64?, action: Action = .update) throws {
        let before = try old.databaseDictionary
        let after = try new.databaseDictionary
        for (field, value) in after.sorted(by: { $0.key < $1.key }) where before[field] != value {
            try record(action, R.databaseTableName, id: id, caseId: caseId, field: field, value: value.auditText)
        }
    }
}

extension DatabaseValue {
    /// The value as audit text; nil for NULL.
    var auditText: String? {
        switch storage {
        case .null: nil
        case .int64(let n): String(n)
        case .double(let d): String(d)
        case .string(let s): s
        case .blob(let data): data.base64EncodedString()
        }
    }
}
