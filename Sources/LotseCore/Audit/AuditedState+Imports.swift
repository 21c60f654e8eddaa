import Crypto
import Foundation
import GRDB

/// Rows created by an import (`import legacy`, `demo`): recorded as the import wrote
/// them, in `importedRow`, with a salted digest per row and one digest per import batch
/// in the batch's audit event, so that the record cannot be rewritten to match a change.
extension AuditedState {
    private static let fieldEnd: UInt8 = 0x1E, nameEnd: UInt8 = 0x1F

    /// A row as text: "column␟value␞" for every non-NULL column, in column order. The row
    /// holds the key first, then `columns`.
    static func rowText(_ row: Row, _ table: Table, columns: [String]) -> String {
        var text = ""
        text.reserveCapacity(256)
        for (index, column) in columns.enumerated() {
            // Imported tables hold no password: the value's plain audit text.
            guard let value = (row[index + 1] as DatabaseValue).auditText else { continue }
            text.append(column)
            text.append("\u{1F}")
            text.append(value)
            text.append("\u{1E}")
        }
        return text
    }

    /// The same text built by SQLite, without decoding every column in Swift; only for
    /// tables without REAL columns (SQLite writes 0.1 as "0.1" but other
    /// doubles with fewer digits than Swift does). Integers and text read the same.
    static func rowTextSQL(_ columns: [String], types: [String: String]) -> String? {
        guard !types.values.contains(where: { $0.uppercased().contains("REAL") }) else { return nil }
        return columns.map { "ifnull('\($0)' || char(31) || \($0) || char(30), '')" }.joined(separator: " || ")
    }

    /// The row text of a row fetched as key, `columns`, then (with `sql`) the text itself.
    static func text(of row: Row, _ table: Table, columns: [String], sql: String?) -> String {
        sql == nil ? rowText(row, table, columns: columns) : row[columns.count + 1]
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
        var hasher = SHA256()
        hash(salt, into: &hasher)
        hash("\n", into: &hasher)
        hash(entity, into: &hasher)
        hash("\n\(id)\n", into: &hasher)
        hash(rowText, into: &hasher)
        return Checksum.hex(hasher.finalize())
    }

    /// Hashes a string's UTF-8 bytes without copying them into a `Data`.
    static func hash(_ text: String, into hasher: inout SHA256) {
        var text = text
        text.withUTF8 { hasher.update(bufferPointer: UnsafeRawBufferPointer($0)) }
    }

    /// Records the rows of the covered tables that import batch `batchId` created (legacy
    /// rows not recorded before) and returns the digest over them for its audit event.
    static func recordImport(batchId: Int64, _ db: Database) throws -> String {
        try record(batchId: batchId, db) { $0.imported }
    }

    /// Records the rows `which` selects per table (nil: none) that are not recorded yet,
    /// as batch `batchId`; returns the batch's digest.
    static func record(batchId: Int64, _ db: Database, which: (Table) -> String?) throws -> String {
        let insert = try db.cachedStatement(sql: "INSERT INTO importedRow (entity, entityId, batchId, salt, rowText, digest) VALUES (?, ?, ?, ?, ?, ?)")
        var salts = AuditChain.Salts()
        for table in tables where table.fieldNames.isEmpty {  // never imported: users (their passwords)
            guard let legacy = which(table) else { continue }
            let (columns, sql) = try self.columns(table, db)
            let rows = try Row.fetchCursor(db, sql: """
                SELECT \(table.key), \(columns.joined(separator: ", "))\(sql.map { ", " + $0 } ?? "") FROM \(table.name) WHERE \(legacy)
                AND \(table.key) NOT IN (SELECT entityId FROM importedRow WHERE entity = ?)
                """, arguments: [table.name])
            while let row = try rows.next() {
                let id: Int64 = row[0]
                let salt = salts.next()
                let text = self.text(of: row, table, columns: columns, sql: sql)
                try insert.execute(arguments: [table.name, id, batchId, salt, text, rowDigest(salt: salt, entity: table.name, id: id, rowText: text)])
            }
        }
        return try batchDigests(db, only: batchId)[batchId] ?? Checksum.hex(SHA256().finalize())
    }

    /// The digest over each batch's rows: entity, id and row digest, in key order, all
    /// in one scan of the primary key (an index by batch would cost more than it saves).
    static func batchDigests(_ db: Database, only batch: Int64? = nil) throws -> [Int64: String] {
        var hashers: [Int64: SHA256] = [:]
        let rows = try Row.fetchCursor(db, sql: """
            SELECT batchId, entity, entityId, digest FROM importedRow \(batch == nil ? "" : "WHERE batchId = ?")
            ORDER BY entity, entityId
            """, arguments: StatementArguments(batch.map { [$0] } ?? []))
        while let row = try rows.next() {
            hash("\(row[1] as String) \(row[2] as Int64) \(row[3] as String)\n", into: &hashers[row[0], default: SHA256()])
        }
        return hashers.mapValues { Checksum.hex($0.finalize()) }
    }

    /// The rows of one case in each covered table that holds case content, as SQL over
    /// `:case` (a case's goals through its agreements).
    static let caseRows: [String: String] = {
        let goals = "SELECT g.id FROM goal g JOIN agreement a ON a.id = g.agreementId WHERE a.caseId = :case"
        var rows = ["caseFile": "id = :case", "goal": "id IN (\(goals))", "goalChange": "goalId IN (\(goals))", "goalReview": "goalId IN (\(goals))"]
        for table in ["agreement", "scheduledReview", "conversation", "referral", "outcome", "move", "answer", "consent", "attachment", "caseNote", "handover"] {
            rows[table] = "caseId = :case"
        }
        return rows
    }()

    /// Forgets the imported values of every row of a case (archiving blanks its free texts).
    static func forgetImported(ofCase caseId: Int64, _ db: Database) throws {
        for (table, rows) in caseRows.sorted(by: { $0.key < $1.key }) {
            try db.execute(sql: "UPDATE importedRow SET salt = NULL, rowText = NULL WHERE entity = :table AND entityId IN (SELECT id FROM \(table) WHERE \(rows))",
                           arguments: ["table": table, "case": caseId])
        }
    }

    /// Forgets the imported values of rows whose personal data lotse removed on purpose
    /// (the digests stay, so the import's digest still verifies).
    static func forgetImported(_ entity: String, ids: [Int64], _ db: Database) throws {
        guard !ids.isEmpty else { return }
        try db.execute(sql: "UPDATE importedRow SET salt = NULL, rowText = NULL WHERE entity = ? AND entityId IN (\(ids.map(String.init).joined(separator: ",")))",
                       arguments: [entity])
    }
}
