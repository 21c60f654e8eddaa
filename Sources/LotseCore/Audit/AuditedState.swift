import Crypto
import Foundation
import GRDB

/// What `audit verify` compares today's rows with: for every audited field, the last
/// value the audit log recorded for it, or, for a row an import created and lotse has
/// not changed since, the row as the import wrote it (`importedRow`, vouched for by the
/// import's digest in the chain). A row changed, inserted or deleted behind lotse's back
/// shows as "appUser 7 roles: changed outside lotse".
///
/// Values whose audit record was removed on purpose (archived cases, erased persons)
/// are not compared; `failedLogins` and `lockedUntil` change without events and are
/// outside the check; a password is compared by a hash of its hash.
enum AuditedState {
    /// The tables the check covers: users and their roles, the organisation (which
    /// decides who sees a case), cases, persons and their identities.
    static let tables: [Table] = [
        Table(name: "appUser", excluded: ["failedLogins", "lockedUntil"], fieldNames: ["passwordHash": "password"]),
        Table(name: "municipality"),
        Table(name: "staff"),
        Table(name: "caseFile"),
        Table(name: "person"),
        Table(name: "personIdentity", key: "personId"),
    ]

    struct Table: Sendable {
        var name: String
        var key = "id"
        /// Columns that change without an audit event.
        var excluded: Set<String> = []
        /// Columns whose audit event has another field name (the value a hash of it).
        var fieldNames: [String: String] = [:]

        /// The audit event's field for a column.
        func field(_ column: String) -> String { fieldNames[column] ?? column }
    }

    static let coveredEntities = Set(tables.map(\.name))

    /// A password's audit value: a hash of its hash, so the log never holds the hash
    /// itself but a changed hash is found.
    static func passwordValue(_ passwordHash: String) -> String {
        "sha256:" + AuditChain.hex(SHA256.hash(data: Data(passwordHash.utf8)))
    }

    /// The audit text of a column's current value, as the audit log records it.
    static func auditText(_ table: Table, _ column: String, _ value: DatabaseValue) -> String? {
        guard let text = value.auditText else { return nil }
        return table.fieldNames[column] == nil ? text : passwordValue(text)
    }

    // MARK: - The last audited value per field, collected while the chain is verified

    /// The last event that set or removed a field (or deleted the row).
    struct Last {
        let seq: Int64
        let action: String
        /// False when the value was removed on purpose (or never recorded).
        let known: Bool
        let value: String?
    }

    /// entity → row id → field → last event.
    typealias Events = [String: [Int64: [String: Last]]]

    /// Actions that do not change a row.
    private static let readOnly: Set<String> = ["read", "refused", "login"]

    static func collect(_ events: inout Events, entity: String, id: Int64?, field: String?, action: String,
                        seq: Int64, known: Bool, value: String?) {
        guard let id, coveredEntities.contains(entity) || entity == "importBatch", !readOnly.contains(action) else { return }
        events[entity, default: [:]][id, default: [:]][field ?? "", default: Last(seq: 0, action: "", known: false, value: nil)] =
            Last(seq: seq, action: action, known: known, value: value)
    }

    // MARK: - Rows created by an import

    private static let fieldEnd: UInt8 = 0x1E, nameEnd: UInt8 = 0x1F

    /// A row as text: "column␟value␞" for every non-NULL column, in column order.
    static func rowText(_ row: Row, _ table: Table, columns: [String]) -> String {
        var text = ""
        for column in columns {
            guard let value = auditText(table, column, row[column]) else { continue }
            text += column + "\u{1F}" + value + "\u{1E}"
        }
        return text
    }

    static func fields(of rowText: String) -> [String: String] {
        var fields: [String: String] = [:]
        for part in rowText.utf8.split(separator: fieldEnd) {
            guard let cut = part.firstIndex(of: nameEnd) else { continue }
            fields[String(decoding: part[..<cut], as: UTF8.self)] = String(decoding: part[part.index(after: cut)...], as: UTF8.self)
        }
        return fields
    }

    static func rowDigest(salt: String, entity: String, id: Int64, rowText: String) -> String {
        AuditChain.hex(SHA256.hash(data: Data("\(salt)\n\(entity)\n\(id)\n\(rowText)".utf8)))
    }

    /// Records the rows of the covered tables that import batch `batchId` created (legacy
    /// rows not recorded before) and returns the digest over them for its audit event.
    static func recordImport(batchId: Int64, _ db: Database) throws -> String {
        let insert = try db.cachedStatement(sql: "INSERT INTO importedRow (entity, entityId, batchId, salt, rowText, digest) VALUES (?, ?, ?, ?, ?, ?)")
        for table in tables where table.name != "appUser" {
            let columns = try self.columns(table, db)
            let legacy = table.name == "personIdentity"
                ? "personId IN (SELECT id FROM person WHERE sourceRef LIKE 'legacy:%')"
                : "sourceRef LIKE 'legacy:%'"
            let rows = try Row.fetchCursor(db, sql: """
                SELECT * FROM \(table.name) WHERE \(legacy)
                AND \(table.key) NOT IN (SELECT entityId FROM importedRow WHERE entity = ?)
                """, arguments: [table.name])
            while let row = try rows.next() {
                let id: Int64 = row[table.key]
                let salt = AuditChain.randomSalt()
                let text = rowText(row, table, columns: columns)
                try insert.execute(arguments: [table.name, id, batchId, salt, text, rowDigest(salt: salt, entity: table.name, id: id, rowText: text)])
            }
        }
        return try batchDigests(db)[batchId] ?? batchDigest(of: [])
    }

    /// The digest over a batch's rows: entity, id and row digest, in key order.
    private static func batchDigest(of lines: [String]) -> String {
        AuditChain.hex(SHA256.hash(data: Data(lines.joined().utf8)))
    }

    private static func batchDigests(_ db: Database) throws -> [Int64: String] {
        var lines: [Int64: [String]] = [:]
        let rows = try Row.fetchCursor(db, sql: "SELECT batchId, entity, entityId, digest FROM importedRow ORDER BY batchId, entity, entityId")
        while let row = try rows.next() {
            let batch: Int64 = row[0]
            lines[batch, default: []].append("\(row[1] as String) \(row[2] as Int64) \(row[3] as String)\n")
        }
        return lines.mapValues(batchDigest(of:))
    }

    /// Forgets the imported values of rows whose personal data lotse removed on purpose
    /// (the digests stay, so the import's digest still verifies).
    static func forgetImported(_ entity: String, ids: [Int64], _ db: Database) throws {
        guard !ids.isEmpty else { return }
        try db.execute(sql: "UPDATE importedRow SET salt = NULL, rowText = NULL WHERE entity = ? AND entityId IN (\(ids.map(String.init).joined(separator: ",")))",
                       arguments: [entity])
    }

    // MARK: - The check

    static func columns(_ table: Table, _ db: Database) throws -> [String] {
        try db.columns(in: table.name).map(\.name).filter { $0 != "id" }
    }

    /// Reports every row and field that differs from what the audit log says.
    static func check(_ db: Database, events: Events, report: (String) -> Void) throws {
        let recorded = try batchDigests(db)
        for (batch, digest) in recorded.sorted(by: { $0.key < $1.key }) {
            let event = events["importBatch"]?[batch]?["digest"]
            if event?.value != digest { report("importBatch \(batch): the rows it created were changed outside lotse") }
        }
        for table in tables {
            try check(table, db, events: events[table.name] ?? [:], report: report)
        }
    }

    private static func check(_ table: Table, _ db: Database, events: [Int64: [String: Last]], report: (String) -> Void) throws {
        let columns = try self.columns(table, db).filter { !table.excluded.contains($0) }
        let defaults = Dictionary(uniqueKeysWithValues: try db.columns(in: table.name).map { ($0.name, $0.defaultValueSQL.map(Self.unquoted)) })
        var imported: [Int64: (salt: String?, text: String?, digest: String)] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT entityId, salt, rowText, digest FROM importedRow WHERE entity = ?", arguments: [table.name]) {
            imported[row[0]] = (row[1], row[2], row[3])
        }
        var present = Set<Int64>()
        let rows = try Row.fetchCursor(db, sql: "SELECT * FROM \(table.name)")
        while let row = try rows.next() {
            let id: Int64 = row[table.key]
            present.insert(id)
            let fieldEvents = live(events[id] ?? [:])
            var importedFields: [String: String]?
            if let entry = imported[id], let text = entry.text {
                guard let salt = entry.salt, rowDigest(salt: salt, entity: table.name, id: id, rowText: text) == entry.digest else {
                    report("\(table.name) \(id): its imported record was changed outside lotse")
                    continue
                }
                importedFields = fields(of: text)
            }
            if fieldEvents.isEmpty, imported[id] == nil {
                report("\(table.name) \(id): inserted outside lotse")
                continue
            }
            for column in columns {
                let expected: String?
                if let last = fieldEvents[table.field(column)] {
                    guard last.known else { continue }
                    expected = last.value
                } else if imported[id] != nil {
                    guard let importedFields else { continue }  // removed on purpose
                    expected = importedFields[column]
                } else {
                    expected = defaults[column] ?? nil
                }
                if auditText(table, column, row[column]) != expected {
                    report("\(table.name) \(id) \(column): changed outside lotse")
                }
            }
        }
        for id in Set(events.keys).union(imported.keys).subtracting(present).sorted() {
            let rowEvents = events[id] ?? [:]
            let deleted = rowEvents.values.filter { $0.action == "delete" }.map(\.seq).max()
            let changed = rowEvents.values.filter { $0.action != "delete" }.map(\.seq).max()
            if deleted == nil || (changed ?? 0) > deleted! {
                report("\(table.name) \(id): deleted outside lotse")
            }
        }
    }

    /// The field events after the row's last deletion (an id can be used again).
    private static func live(_ fields: [String: Last]) -> [String: Last] {
        guard let deleted = fields.values.filter({ $0.action == "delete" }).map(\.seq).max() else { return fields }
        return fields.filter { $0.value.action != "delete" && $0.value.seq > deleted }
    }

    /// A column default as audit text ("0", "'x'" → "x").
    private static func unquoted(_ sql: String) -> String {
        sql.hasPrefix("'") && sql.hasSuffix("'") && sql.count >= 2 ? String(sql.dropFirst().dropLast()) : sql
    }
}
