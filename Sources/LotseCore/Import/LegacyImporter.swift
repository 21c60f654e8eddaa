import Crypto
import Foundation
import GRDB
import PluginKit

/// `lotse import legacy DIR`: migrates a team's data from its previous software, a
/// folder of UTF-8 CSV files (RFC 4180, header row, ISO dates).
///
/// Everything is validated in one pass and written in one transaction: on any problem
/// nothing is imported and every problem is listed. Legacy ids are kept as source
/// references ("legacy:ID"), so importing the same data again changes nothing.
public struct LegacyImporter {
    public let store: CaseStore

    /// The longest field a legacy file may hold, in bytes (`csvMaxFieldKB`).
    let maxFieldBytes: Int

    public init(store: CaseStore, maxFieldKB: Int = Deployment().csvMaxFieldKB) {
        self.store = store
        self.maxFieldBytes = maxFieldKB << 10
    }

    /// The files and their columns, in the order references need.
    public static let files: [(name: String, columns: [String])] = [
        ("municipalities.csv", ["id", "name", "kind", "fte"]),
        ("staff.csv", ["id", "municipality_id", "name", "role", "fte_share"]),
        ("households.csv", ["id", "municipality_id"]),
        ("persons.csv", ["id", "household_id", "family_name", "given_names", "birth_date", "sex", "arrival_date", "residence_status", "stay_prospect"]),
        ("cases.csv", ["id", "kind", "household_id", "person_id", "municipality_id", "staff_id", "waitlisted_on", "opened_on", "closed_on", "closure_reason"]),
        ("agreements.csv", ["id", "case_id", "signed_on"]),
        ("goals.csv", ["id", "agreement_id", "person_id", "module", "template", "title", "due_on", "status", "status_on"]),
        ("conversations.csv", ["id", "case_id", "date", "kind", "topics"]),
        ("referrals.csv", ["id", "case_id", "person_id", "date", "service", "problem", "outcome"]),
        ("outcomes.csv", ["id", "person_id", "module", "kind", "value", "date"]),
        ("contacts.csv", ["id", "municipality_id", "staff_id", "date", "partner_kind", "partner"]),
        ("reviews.csv", ["id", "case_id", "due_on", "held_on"]),
    ]

    /// What an import did.
    public struct Summary: Sendable, Codable, Equatable {
        /// Rows written per file.
        public var inserted: [String: Int] = [:]
        /// Rows already imported before (same legacy id), left as they were.
        public var unchanged = 0
        /// The very same files were imported before: nothing was done.
        public var alreadyImported = false

        public var total: Int { inserted.values.reduce(0, +) }
    }

    /// The import found problems; nothing was imported.
    public struct Failure: LotseError {
        public let problems: [Message]
        public var message: Message {
            let shown = problems.prefix(1000).map(TextValue.message) + (problems.count > 1000 ? [.message(Message("import.more", ["count": .number(problems.count - 1000)]))] : [])
            return Message("import.failed", ["problems": .lines(shown), "count": .number(problems.count)])
        }
        public var exitCode: Int32 { 2 }
    }

    /// Imports the files in `folder`: a folder the user named, read with the user's
    /// rights (`UserRights`), unless lotse wrote it itself (`demo`).
    public func run(folder: URL, ofUser: Bool = true) throws -> Summary {
        try store.require(.configure)  // before a file of the user's is read
        var contents: [String: Data] = [:]
        for (name, _) in Self.files {
            let path = folder.appendingPathComponent(name).path
            if !ofUser {
                contents[name] = FileManager.default.contents(atPath: path)
            } else if UserRights.asUser({ FileManager.default.fileExists(atPath: path) }) {
                // Bounded: a file's worth of rows at the longest field each (csvMaxFieldKB).
                contents[name] = try UserRights.read(path, limit: Self.maxFileBytes(maxFieldBytes))
            }
        }
        guard !contents.isEmpty else {
            throw UsageError("import.noFiles", ["folder": .text(folder.path), "files": .list(Self.files.map { .text($0.name) })])
        }
        let fingerprint = Self.fingerprint(contents)
        let summary = try store.write(.configure) { audit in
            if try !ImportBatch.of(fingerprint: fingerprint).isEmpty(audit.db) {
                return Summary(alreadyImported: true)
            }
            var run = ImportRun(db: audit.db, vocabulary: store.vocabulary, maxFieldBytes: maxFieldBytes, limits: store.fieldLimits)
            try run.load(contents)
            guard run.problems.lines.isEmpty else { throw Failure(problems: run.problems.lines) }
            try GoalChange.recordMissing(audit.db)
            let rows = run.summary.total
            let (_, batch) = try ImportBatch(fingerprint: fingerprint, importedAt: audit.at, source: folder.lastPathComponent, rows: rows)
                .insertedWithId(audit.db)
            try audit.record(.import, "importBatch", id: batch, caseId: nil, field: "rows", value: .some(String(rows)))
            try audit.record(.import, "importBatch", id: batch, caseId: nil, field: "digest", value: .some(AuditedState.recordImport(batchId: batch, audit.db)))
            return run.summary
        }
        // The names came in one by one through the name index's triggers: merge its segments
        // (at Land scale `person find` takes 67 ms before, 47 ms after).
        if summary.total > 0 { try store.checkpoint() }
        return summary
    }

    /// The largest legacy file read: a legacy system's export of a whole Land (2 million
    /// rows) is about 200 MB; 4,096 fields of the longest allowed size, at least 1 GB.
    static func maxFileBytes(_ maxFieldBytes: Int) -> Int { max(1 << 30, maxFieldBytes << 12) }

    /// SHA-256 over the files' names and contents.
    static func fingerprint(_ contents: [String: Data]) -> String {
        var checksum = Checksum()
        for name in contents.keys.sorted() {
            checksum.update(Data(name.utf8))
            checksum.update(Data(SHA256.hash(data: contents[name]!)))
        }
        return checksum.hex
    }
}
