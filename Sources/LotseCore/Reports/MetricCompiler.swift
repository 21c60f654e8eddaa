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
    let municipalityId: Int64?

    /// The persons of cases (opened by the date) with their municipality.
    func personsSQL(inCare: Bool) -> String {
        """
        SELECT DISTINCT hm.personId, c.municipalityId
          FROM caseFile c
          JOIN householdMember hm ON hm.householdId = c.householdId AND (c.personId IS NULL OR hm.personId = c.personId)
         WHERE c.openedOn IS NOT NULL AND c.openedOn <= :asOf AND hm.fromDate <= :asOf
           \(inCare ? "AND (c.closedOn IS NULL OR c.closedOn > :asOf) AND (hm.toDate IS NULL OR hm.toDate > :asOf)" : "")
           \(municipalityId == nil ? "" : "AND c.municipalityId = :municipality")
        """
    }

    var origin: String { query.includeOrigin ? "" : "AND o.origin IS NULL" }

    /// The condition on a person `p` that the metric's rule states.
    func condition(_ spec: MetricSpec, module: String) -> (sql: String, arguments: [String: any DatabaseValueConvertible]) {
        var arguments: [String: any DatabaseValueConvertible] = ["module": module]
        func list(_ name: String, _ values: [String]) -> String {
            values.enumerated().map { index, value in
                arguments["\(name)\(index)"] = value
                return ":\(name)\(index)"
            }.joined(separator: ", ")
        }
        var sql: String
        switch spec.rule {
        case .any(let kinds, let values):
            sql = """
                EXISTS (SELECT 1 FROM outcome o WHERE o.personId = p.id AND o.module = :module AND o.kind IN (\(list("kind", kinds)))
                        AND o.date <= :asOf \(origin)\(values.map { " AND o.value IN (\(list("value", $0)))" } ?? ""))
                """
        case .latest(let among, let wanted):
            sql = """
                (SELECT o.kind FROM outcome o WHERE o.personId = p.id AND o.module = :module AND o.kind IN (\(list("among", among)))
                  AND o.date <= :asOf \(origin) ORDER BY o.date DESC, o.id DESC LIMIT 1) IN (\(list("wanted", wanted)))
                """
        }
        switch spec.persons {
        case .all: break
        case .adults: sql += " AND p.birthDate <= date(:asOf, '-18 years')"
        case .children: sql += " AND p.birthDate > date(:asOf, '-18 years')"
        }
        return (sql, arguments)
    }

    /// Distinct persons meeting the spec, in total and per municipality id.
    func count(_ spec: MetricSpec, module: String, _ db: Database) throws -> (total: Int, byMunicipality: [Int64: Int]) {
        let (condition, extra) = condition(spec, module: module)
        var arguments = StatementArguments(extra)
        arguments += baseArguments
        let sql = """
            WITH persons AS (\(personsSQL(inCare: spec.inCareOnDate)))
            SELECT pm.municipalityId AS municipality, count(DISTINCT p.id) AS n, 0 AS isTotal
              FROM persons pm JOIN person p ON p.id = pm.personId WHERE \(condition) GROUP BY pm.municipalityId
            UNION ALL
            SELECT NULL, count(DISTINCT p.id), 1 FROM persons pm JOIN person p ON p.id = pm.personId WHERE \(condition)
            """
        return try split(Row.fetchAll(db, sql: sql, arguments: arguments))
    }

    var baseArguments: StatementArguments {
        var arguments: [String: (any DatabaseValueConvertible)?] = ["asOf": query.asOf, "from": query.from ?? LocalDate(year: 1, month: 1, day: 1)!]
        if let municipalityId { arguments["municipality"] = municipalityId }
        return StatementArguments(arguments)
    }

    /// Splits "per municipality … plus one total row" results.
    func split(_ rows: [Row]) -> (total: Int, byMunicipality: [Int64: Int]) {
        var total = 0
        var byMunicipality: [Int64: Int] = [:]
        for row in rows {
            if row["isTotal"] as Bool { total = row["n"] } else if let id = row["municipality"] as Int64? { byMunicipality[id] = row["n"] }
        }
        return (total, byMunicipality)
    }
}
