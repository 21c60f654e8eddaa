import GRDB
import PluginKit

/// Compiles a module's declarative metric spec into one SQL query, so that module
/// figures are counted by the database, not by code over rows.
///
/// The persons considered are those of a case opened on or before the date (members of
/// the household on that date; for an individual case, its person); with `inCareOnDate`
/// only persons of a case active on the date. Adults are 18 or older on the date.
struct MetricCompiler {
    let query: ReportQuery
    /// Only these municipalities (nil: all).
    let municipalityIds: [Int64]?

    /// The condition on a case (alias `c`) that keeps it to the municipalities asked for.
    var inMunicipalities: String { municipalityIds == nil ? "" : "AND c.municipalityId IN (SELECT value FROM json_each(:municipalities))" }

    /// The persons of cases (opened by the date) with their municipality.
    func personsSQL(inCare: Bool) -> String {
        """
        SELECT DISTINCT hm.personId, c.municipalityId
          FROM caseFile c \(PersonsInCare.join)
         WHERE \(PersonsInCare.opened(by: ":asOf"))
           \(inCare ? "AND " + PersonsInCare.stillInCare(on: ":asOf") : "")
           \(inMunicipalities)
        """
    }

    var origin: String { query.includeOrigin ? "" : "AND o.origin IS NULL" }

    /// The condition on a person (columns `id`, `birthDate`) that a metric's rule states.
    /// Outcomes are selected once per metric as an uncorrelated subquery, which SQLite
    /// evaluates into a temporary index: one pass over the matching outcomes, not one
    /// lookup per person.
    func condition(_ spec: MetricSpec, module: String, prefix: String, _ arguments: inout [String: any DatabaseValueConvertible]) -> String {
        arguments["\(prefix)module"] = module
        func list(_ name: String, _ values: [String]) -> String {
            values.enumerated().map { index, value in
                arguments["\(prefix)\(name)\(index)"] = value
                return ":\(prefix)\(name)\(index)"
            }.joined(separator: ", ")
        }
        var sql: String
        switch spec.rule {
        case .any(let kinds, let values):
            sql = """
                id IN (SELECT o.personId FROM outcome o WHERE o.module = :\(prefix)module AND o.kind IN (\(list("kind", kinds)))
                       AND o.date <= :asOf \(origin)\(values.map { " AND o.value IN (\(list("value", $0)))" } ?? ""))
                """
        case .latest(let among, let wanted):
            sql = """
                id IN (SELECT personId FROM (SELECT o.personId, o.kind, row_number() OVER (PARTITION BY o.personId ORDER BY o.date DESC, o.id DESC) AS latest
                                             FROM outcome o WHERE o.module = :\(prefix)module AND o.kind IN (\(list("among", among)))
                                              AND o.date <= :asOf \(origin))
                       WHERE latest = 1 AND kind IN (\(list("wanted", wanted))))
                """
        }
        switch spec.persons {
        case .all: break
        case .adults: sql += " AND birthDate <= date(:asOf, '-18 years')"
        case .children: sql += " AND birthDate > date(:asOf, '-18 years')"
        }
        return sql
    }

    /// Distinct persons meeting each condition, in total and per municipality id, in one
    /// query over the persons of cases opened by the date (or in care on it).
    func count(_ conditions: [(id: String, sql: String)], inCare: Bool, arguments extra: [String: any DatabaseValueConvertible],
               _ db: Database) throws -> [String: (total: Int, byMunicipality: [Int64: Int])] {
        guard !conditions.isEmpty else { return [:] }
        // `persons` holds each (person, municipality) once, so sums count distinct persons
        // per municipality; the total sums over each person once.
        let columns = conditions.enumerated().map { "sum(CASE WHEN \($1.sql) THEN 1 ELSE 0 END) AS m\($0)" }.joined(separator: ",\n")
        let sql = """
            WITH persons AS MATERIALIZED (\(personsSQL(inCare: inCare))),
                 candidates AS MATERIALIZED (SELECT pm.municipalityId AS municipality, p.id AS id, p.birthDate AS birthDate
                                               FROM persons pm JOIN person p ON p.id = pm.personId)
            SELECT municipality, 0 AS isTotal, \(columns) FROM candidates GROUP BY municipality
            UNION ALL
            SELECT NULL, 1, \(columns) FROM (SELECT DISTINCT id, birthDate FROM candidates)
            """
        var arguments = StatementArguments(extra)
        arguments += baseArguments
        var results = Dictionary(uniqueKeysWithValues: conditions.map { ($0.id, (total: 0, byMunicipality: [Int64: Int]())) })
        for row in try Row.fetchAll(db, sql: sql, arguments: arguments) {
            for (index, condition) in conditions.enumerated() {
                let n: Int = row["m\(index)"] ?? 0
                if row["isTotal"] as Bool { results[condition.id]!.total = n } else if let municipality = row["municipality"] as Int64? {
                    results[condition.id]!.byMunicipality[municipality] = n
                }
            }
        }
        return results
    }

    var baseArguments: StatementArguments {
        var arguments: [String: (any DatabaseValueConvertible)?] = ["asOf": query.asOf, "from": query.from ?? LocalDate(year: 1, month: 1, day: 1)!]
        if let municipalityIds { arguments["municipalities"] = "[" + municipalityIds.map(String.init).joined(separator: ",") + "]" }
        return StatementArguments(arguments)
    }
}
