import Foundation
import GRDB
import PluginKit

// MARK: - Finding persons

extension CaseStore {
    /// Persons whose names contain every given part (in family or given names), born in
    /// `bornIn` if given. The search is a read of personal data and audited.
    public func findPersons(nameParts: [String], bornIn year: Int?) throws -> [PersonMatch] {
        guard !nameParts.isEmpty || year != nil else { throw UsageError("person.findNeedsName") }
        return try auditedRead(.readCases) { audit in
            var conditions: [String] = []
            var arguments: [any DatabaseValueConvertible] = []
            if let scope = municipalityScope {
                conditions.append("EXISTS (SELECT 1 FROM householdMember hm JOIN household h ON h.id = hm.householdId WHERE hm.personId = pi.personId AND h.municipalityId = ?)")
                arguments.append(scope)
            }
            // The trigram index: each part a phrase, found anywhere in either name, all of them
            // in one query of the index (which intersects them itself, faster than one query a part).
            let indexed = nameParts.filter { $0.count >= 3 }
            if !indexed.isEmpty {
                conditions.append("pi.personId IN (SELECT rowid FROM personName WHERE personName MATCH ?)")
                arguments.append(indexed.map { "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }.joined(separator: " AND "))
            }
            for part in nameParts where part.count < 3 {
                // Shorter than a trigram: read the names.
                conditions.append("(pi.familyName LIKE ? ESCAPE '\\' OR pi.givenNames LIKE ? ESCAPE '\\')")
                let pattern = "%" + part.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%")
                    .replacingOccurrences(of: "_", with: "\\_") + "%"
                arguments += [pattern, pattern]
            }
            if let year {
                conditions.append(Self.bornIn)
                arguments.append(String(year))
            }
            let matches = try Self.matches(where: conditions.joined(separator: " AND "), arguments, audit.db)
            try audit.record(.read, "person", id: nil, caseId: nil, field: "search", value: .some(nil))
            return matches
        }
    }

    /// Persons that look like a new one: same family name (ignoring case) and the same
    /// birth year or the same given names.
    static func similarPersons(to person: NewPerson, _ db: Database) throws -> [PersonMatch] {
        try matches(where: "pi.familyName = ? COLLATE NOCASE AND (\(bornIn) OR pi.givenNames = ? COLLATE NOCASE)",
                    [person.familyName, String(person.birth.date.year), person.givenNames], db)
    }

    /// The condition "born in the year ?" on `pi`, a person's identity.
    static let bornIn = "EXISTS (SELECT 1 FROM person p WHERE p.id = pi.personId AND substr(p.birthDate, 1, 4) = ?)"

    /// The first 200 persons by name whose identity `pi` meets `condition`: the names are
    /// sorted first, and only those 200 read their person and cases (a common family
    /// name matches thousands).
    static func matches(where condition: String, _ arguments: [any DatabaseValueConvertible], _ db: Database) throws -> [PersonMatch] {
        let rows = try Row.fetchAll(db, sql: """
            SELECT p.id, x.familyName, x.givenNames, p.birthDate, p.birthYearOnly,
                   (SELECT group_concat(c.id) FROM caseFile c JOIN householdMember m ON m.householdId = c.householdId
                     WHERE m.personId = p.id AND (c.personId IS NULL OR c.personId = p.id)) AS caseIds
            FROM (SELECT pi.personId, pi.familyName, pi.givenNames FROM personIdentity pi
                  WHERE \(condition) ORDER BY pi.familyName, pi.givenNames LIMIT 200) x
            JOIN person p ON p.id = x.personId
            ORDER BY x.familyName, x.givenNames
            """, arguments: StatementArguments(arguments))
        return rows.map { row in
            let birth: String = row["birthDate"]
            let yearOnly: Bool = row["birthYearOnly"]
            let cases: String? = row["caseIds"]
            return PersonMatch(personId: row["id"], familyName: row["familyName"], givenNames: row["givenNames"],
                               birth: yearOnly ? String(birth.prefix(4)) : birth,
                               caseIds: (cases ?? "").split(separator: ",").compactMap { Int64($0) })
        }
    }
}
