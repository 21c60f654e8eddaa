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
    /// decides who sees a case), cases, persons and their identities, and every table
    /// that holds case content.
    static let tables: [Table] = [
        Table(name: "appUser", excluded: ["failedLogins", "lockedUntil"], fieldNames: ["passwordHash": "password"], imported: nil),
        Table(name: "municipality"),
        Table(name: "staff"),
        Table(name: "caseFile"),
        Table(name: "person"),
        Table(name: "personIdentity", key: "personId", imported: "personId IN (SELECT id FROM person WHERE sourceRef LIKE 'legacy:%')"),
        // Keyed by person as its events are (one household a person; see the README).
        Table(name: "householdMember", key: "personId", imported: "personId IN (SELECT id FROM person WHERE sourceRef LIKE 'legacy:%')"),
        Table(name: "agreement"),
        Table(name: "goal"),
        Table(name: "goalChange", imported: "goalId IN (SELECT id FROM goal WHERE sourceRef LIKE 'legacy:%')"),
        Table(name: "goalReview", imported: nil),
        Table(name: "scheduledReview"),
        Table(name: "conversation"),
        Table(name: "referral"),
        Table(name: "outcome"),
        Table(name: "networkContact"),
        Table(name: "move", imported: nil),
        Table(name: "answer", imported: nil),
        Table(name: "consent", imported: nil),
        Table(name: "attachment", imported: nil),
        Table(name: "caseNote", imported: nil),
        Table(name: "handover", imported: nil),
    ]

    struct Table: Sendable {
        var name: String
        var key = "id"
        /// Columns that change without an audit event.
        var excluded: Set<String> = []
        /// Columns whose audit event has another field name (the value a hash of it).
        var fieldNames: [String: String] = [:]
        /// Which rows `import legacy` creates (recorded in `importedRow`); nil: none.
        var imported: String? = "sourceRef LIKE 'legacy:%'"

        init(name: String, key: String = "id", excluded: Set<String> = [], fieldNames: [String: String] = [:],
             imported: String? = "sourceRef LIKE 'legacy:%'") {
            (self.name, self.key, self.excluded, self.fieldNames, self.imported) = (name, key, excluded, fieldNames, imported)
        }

        /// The audit event's field for a column.
        func field(_ column: String) -> String { fieldNames[column] ?? column }
    }

    static let coveredEntities = Set(tables.map(\.name))

    /// A password's audit value: a hash of its hash, so the log never holds the hash
    /// itself but a changed hash is found.
    static func passwordValue(_ passwordHash: String) -> String {
        "sha256:" + Checksum.of(Data(passwordHash.utf8))
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

    // MARK: - The check

    /// The audited columns of a table, in the table's order (all but `id`), and the SQL
    /// that builds their row text where SQLite can.
    static func columns(_ table: Table, _ db: Database) throws -> (names: [String], text: String?) {
        let columns = try db.columns(in: table.name).filter { $0.name != "id" }
        let names = columns.map(\.name)
        return (names, rowTextSQL(names, types: Dictionary(uniqueKeysWithValues: columns.map { ($0.name, $0.type) })))
    }

    /// Reports every row and field that differs from what the audit log says.
    static func check(_ db: Database, events: Events, report: (Message) -> Void) throws {
        let recorded = try batchDigests(db)
        for (batch, digest) in recorded.sorted(by: { $0.key < $1.key }) {
            let event = events["importBatch"]?[batch]?["digest"]
            if event?.value != digest { report(Message("audit.state.import", ["batch": .text(String(batch))])) }
        }
        for table in tables {
            try check(table, db, events: events[table.name] ?? [:], report: report)
        }
    }

    /// One table: its rows in key order, merged with the import's records of them.
    private static func check(_ table: Table, _ db: Database, events: [Int64: [String: Last]], report: (Message) -> Void) throws {
        let (columns, sql) = try self.columns(table, db)
        let compared = columns.enumerated().filter { !table.excluded.contains($0.element) }
        let defaults = Dictionary(uniqueKeysWithValues: try db.columns(in: table.name).map { ($0.name, $0.defaultValueSQL.map(Self.unquoted)) })
        // The imported text itself is read only where the row differs from it.
        let imports = try Row.fetchCursor(db, sql: "SELECT entityId, salt, digest FROM importedRow WHERE entity = ? ORDER BY entityId",
                                          arguments: [table.name])
        let importedText = try db.cachedStatement(sql: "SELECT rowText FROM importedRow WHERE entity = ? AND entityId = ?")
        var nextImport = try imports.next()
        var absent: [Int64] = []  // imported rows not found
        var present = Set<Int64>()
        let rows = try Row.fetchCursor(db, sql: """
            SELECT \(table.key), \(columns.joined(separator: ", "))\(sql.map { ", " + $0 } ?? "") FROM \(table.name) ORDER BY \(table.key)
            """)
        while let row = try rows.next() {
            let id: Int64 = row[0]
            if !events.isEmpty { present.insert(id) }
            while let entry = nextImport, (entry[0] as Int64) < id {
                absent.append(entry[0])
                nextImport = try imports.next()
            }
            let fieldEvents = live(events[id] ?? [:])
            // The import's record of the row: nil when the import did not make it; salt
            // nil when lotse removed its values on purpose.
            var imported: (salt: String?, digest: String)?
            if let entry = nextImport, entry[0] as Int64 == id {
                imported = (entry[1], entry[2])
                nextImport = try imports.next()
            }
            if fieldEvents.isEmpty {
                guard let imported else {
                    report(Message("audit.state.inserted", ["table": .label("audit.entity.\(table.name)"), "id": .text(String(id))]))
                    continue
                }
                // The common case: an imported row lotse never changed, as the import
                // wrote it (its digest matches the digest the import's event vouches for).
                guard let salt = imported.salt else { continue }
                if rowDigest(salt: salt, entity: table.name, id: id, rowText: text(of: row, table, columns: columns, sql: sql)) == imported.digest { continue }
            }
            var importedFields: [String: String]?
            if let imported, let salt = imported.salt {
                let text = try String.fetchOne(importedText, arguments: [table.name, id]) ?? ""
                guard rowDigest(salt: salt, entity: table.name, id: id, rowText: text) == imported.digest else {
                    report(Message("audit.state.importRecord", ["table": .label("audit.entity.\(table.name)"), "id": .text(String(id))]))
                    continue
                }
                importedFields = fields(of: text)
            }
            for (index, column) in compared {
                let expected: String?
                if let last = fieldEvents[table.field(column)] {
                    guard last.known else { continue }
                    expected = last.value
                } else if imported != nil {
                    guard let importedFields else { continue }  // removed on purpose
                    expected = importedFields[column]
                } else {
                    expected = defaults[column] ?? nil
                }
                if auditText(table, column, row[index + 1]) != expected {
                    report(Message("audit.state.changed", ["table": .label("audit.entity.\(table.name)"), "id": .text(String(id)), "column": .text(column)]))
                }
            }
        }
        while let entry = nextImport {
            absent.append(entry[0])
            nextImport = try imports.next()
        }
        let missing = Set(events.keys).subtracting(present).union(absent)
        for id in missing.sorted() {
            let rowEvents = events[id] ?? [:]
            let deleted = rowEvents.values.filter { $0.action == "delete" }.map(\.seq).max()
            let changed = rowEvents.values.filter { $0.action != "delete" }.map(\.seq).max()
            if deleted == nil || (changed ?? 0) > deleted! {
                report(Message("audit.state.deleted", ["table": .label("audit.entity.\(table.name)"), "id": .text(String(id))]))
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
