import Foundation
import GRDB
import PluginKit

/// One import inside its transaction: reads each file in dependency order, validates
/// every row, inserts the valid new ones with prepared statements.
struct ImportRun {
    let db: Database
    let vocabulary: Vocabulary
    let problems = ImportProblems()
    var summary = LegacyImporter.Summary()

    var municipalities = LegacyIds(), staff = LegacyIds(), households = LegacyIds(), persons = LegacyIds()
    var cases = LegacyIds(), agreements = LegacyIds(), goals = LegacyIds(), conversations = LegacyIds()
    var referrals = LegacyIds(), outcomes = LegacyIds(), contacts = LegacyIds(), reviews = LegacyIds()
    /// Household of each imported person, to check that an individual case's person belongs to it.
    var householdOf: [Int64: Int64] = [:]

    /// The longest field a file may hold (`csvMaxFieldKB`).
    let maxFieldBytes: Int
    /// How long a text may be once read, and which may hold line breaks.
    let limits: FieldLimits
    let today = LocalDate.today

    init(db: Database, vocabulary: Vocabulary, maxFieldBytes: Int, limits: FieldLimits) {
        self.db = db
        self.vocabulary = vocabulary
        self.maxFieldBytes = maxFieldBytes
        self.limits = limits
    }

    mutating func load(_ contents: [String: Data]) throws {
        municipalities = try existing("municipality")
        staff = try existing("staff")
        households = try existing("household")
        persons = try existing("person")
        cases = try existing("caseFile")
        agreements = try existing("agreement")
        goals = try existing("goal")
        conversations = try existing("conversation")
        referrals = try existing("referral")
        outcomes = try existing("outcome")
        contacts = try existing("networkContact")
        reviews = try existing("scheduledReview")
        for (name, columns) in LegacyImporter.files {
            guard let data = contents[name] else { continue }
            try each(name, columns, data) { run, row, ref in try run.insert(name, row, ref) }
        }
    }

    /// Where the ids of a file's rows are kept.
    static func ids(of file: String) -> WritableKeyPath<ImportRun, LegacyIds> {
        switch file {
        case "municipalities.csv": \.municipalities
        case "staff.csv": \.staff
        case "households.csv": \.households
        case "persons.csv": \.persons
        case "cases.csv": \.cases
        case "agreements.csv": \.agreements
        case "goals.csv": \.goals
        case "conversations.csv": \.conversations
        case "referrals.csv": \.referrals
        case "outcomes.csv": \.outcomes
        case "reviews.csv": \.reviews
        default: \.contacts
        }
    }

    /// Legacy ids already in the database, from earlier imports.
    func existing(_ table: String) throws -> LegacyIds {
        var ids = LegacyIds()
        let rows = try Row.fetchCursor(db, sql: "SELECT id, sourceRef FROM \(table) WHERE sourceRef LIKE 'legacy:%'")
        while let row = try rows.next() {
            let ref: String = row["sourceRef"]
            ids.rowids[String(ref.dropFirst("legacy:".count))] = row["id"]
        }
        return ids
    }

    /// Reads one file: header check, duplicate ids, then `body` per new row.
    mutating func each(_ file: String, _ columns: [String], _ data: Data,
                       _ body: (inout ImportRun, ImportRow, String) throws -> Void) throws {
        let ids = Self.ids(of: file)
        guard String(data: data, encoding: .utf8) != nil else {
            problems.add(file, 1, "(file)", "import.notUTF8")
            self[keyPath: ids].unreadable = true
            return
        }
        var iterator = CSVReader(data: data, maxFieldBytes: maxFieldBytes).makeIterator()
        guard case .success(let header)? = iterator.next() else {
            problems.add(file, 1, "(header)", Message("import.noHeader", ["columns": .text(columns.joined(separator: ","))]))
            self[keyPath: ids].unreadable = true
            return
        }
        let names = header.fields.map { $0.trimmingSpaces.lowercased() }
        let missing = columns.filter { !names.contains($0) }
        guard missing.isEmpty else {
            problems.add(file, 1, "(header)", Message("import.missingColumns", ["missing": .list(missing.map { .text($0) }), "columns": .text(columns.joined(separator: ","))]))
            self[keyPath: ids].unreadable = true
            return
        }
        let index = Dictionary(names.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        var seen: Set<String> = []
        while let next = iterator.next() {
            let record: CSVReader.Record
            switch next {
            case .failure(let malformed):
                problems.add(file, malformed.line, "(row)", malformed.problem)
                self[keyPath: ids].unreadable = true
                return
            case .success(let parsed): record = parsed
            }
            if record.fields.count == 1 && record.fields[0].trimmingSpaces.isEmpty { continue }
            let row = ImportRow(file: file, line: record.line, fields: record.fields, columns: index, problems: problems, limits: limits, today: today)
            if record.fields.count != names.count {
                row.fail("(row)", Message("import.fieldCount", ["count": .number(record.fields.count), "header": .number(names.count)]))
                self[keyPath: ids].invalid.insert(row.raw("id"))
                continue
            }
            guard let id = row.text("id") else { continue }
            guard seen.insert(id).inserted else {
                row.fail("id", Message("import.idTwice", ["id": .text(id)]))
                self[keyPath: ids].invalid.insert(id)
                continue
            }
            try body(&self, row, id)
        }
    }
}
