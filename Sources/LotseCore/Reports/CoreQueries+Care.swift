import GRDB
import PluginKit

/// The support-duration clock in the report: cases near their limit of care on the
/// as-of date, cases with an extension granted by then, and cases closed in the period
/// on or after the day they reached their limit.
extension CoreQueries {
    func care(maxCareYears: Int, warningMonths: Int, _ db: Database) throws -> (near: Counts, extended: Counts, closedAtLimit: Counts) {
        let active = "c.openedOn <= :asOf AND (c.closedOn IS NULL OR c.closedOn > :asOf)"
        var arguments = compiler.baseArguments
        arguments += ["maxCareYears": maxCareYears, "warnUntil": compiler.query.asOf.adding(months: warningMonths)]
        let rows = try Row.fetchAll(db, sql: """
            SELECT c.municipalityId AS municipality,
                   sum(\(active) AND \(CareLimit.sql(maxCareYears: ":maxCareYears", asOf: ":asOf")) <= :warnUntil) AS near,
                   sum(\(active) AND c.justifiedExtension AND (c.extendedOn IS NULL OR c.extendedOn <= :asOf)) AS extended,
                   sum(c.closedOn \(period) AND c.closedOn >= \(CareLimit.sql(maxCareYears: ":maxCareYears", asOf: "c.closedOn"))) AS closedAtLimit
              FROM caseFile c WHERE c.openedOn IS NOT NULL \(inMunicipality)
             GROUP BY 1
            """, arguments: arguments)
        var near: [Int64: Int] = [:], extended: [Int64: Int] = [:], closed: [Int64: Int] = [:]
        for row in rows {
            near[row["municipality"]] = row["near"]
            extended[row["municipality"]] = row["extended"]
            closed[row["municipality"]] = row["closedAtLimit"]
        }
        func counts(_ byMunicipality: [Int64: Int]) -> Counts { (byMunicipality.values.reduce(0, +), byMunicipality) }
        return (counts(near), counts(extended), counts(closed))
    }
}
