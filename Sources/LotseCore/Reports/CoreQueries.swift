import GRDB
import PluginKit

/// The core figures' queries. Records belong to one municipality each, so totals are
/// the sums of the municipalities' counts: one pass per table.
struct CoreQueries {
    let compiler: MetricCompiler

    typealias Counts = (total: Int, byMunicipality: [Int64: Int])

    var inMunicipality: String { compiler.inMunicipalities }
    func origin(_ alias: String) -> String { compiler.query.includeOrigin ? "" : "AND \(alias).origin IS NULL" }
    var period: String { "BETWEEN :from AND :asOf" }

    /// Counts grouped by the case's municipality; the total is their sum.
    private func grouped(_ from: String, _ db: Database) throws -> Counts {
        let rows = try Row.fetchAll(db, sql: "SELECT c.municipalityId AS municipality, count(*) AS n \(from) GROUP BY c.municipalityId", arguments: compiler.baseArguments)
        let counts = Dictionary(uniqueKeysWithValues: rows.map { ($0["municipality"] as Int64, $0["n"] as Int) })
        return (counts.values.reduce(0, +), counts)
    }

    func casesActive(_ db: Database) throws -> Counts {
        try grouped("FROM caseFile c WHERE c.openedOn <= :asOf AND (c.closedOn IS NULL OR c.closedOn > :asOf) \(inMunicipality)", db)
    }

    func casesWaiting(_ db: Database) throws -> Counts {
        try grouped("""
            FROM caseFile c WHERE c.waitlistedOn <= :asOf AND (c.openedOn IS NULL OR c.openedOn > :asOf)
             AND (c.closedOn IS NULL OR c.closedOn > :asOf) \(inMunicipality)
            """, db)
    }

    func casesClosed(_ db: Database) throws -> Counts {
        try grouped("FROM caseFile c WHERE c.closedOn \(period) \(inMunicipality)", db)
    }

    func agreementsSigned(_ db: Database) throws -> Counts {
        try grouped("FROM agreement a JOIN caseFile c ON c.id = a.caseId WHERE a.signedOn <= :asOf \(origin("a")) \(inMunicipality)", db)
    }

    func referrals(_ db: Database) throws -> Counts {
        try grouped("FROM referral r JOIN caseFile c ON c.id = r.caseId WHERE r.date \(period) \(origin("r")) \(inMunicipality)", db)
    }

    func networkContacts(_ db: Database) throws -> Counts {
        try grouped("FROM networkContact c WHERE c.date \(period) \(inMunicipality)", db)
    }

    /// Conversations in the period in one pass: per kind and municipality, and per month.
    func conversations(_ db: Database) throws -> (individual: Counts, family: Counts, byMonth: [String: Int]) {
        let rows = try Row.fetchAll(db, sql: """
            SELECT c.municipalityId AS municipality, v.kind AS kind, substr(v.date, 1, 7) AS month, count(*) AS n
            FROM conversation v JOIN caseFile c ON c.id = v.caseId
            WHERE v.date \(period) \(origin("v")) \(inMunicipality) GROUP BY c.municipalityId, v.kind, month
            """, arguments: compiler.baseArguments)
        var individual: [Int64: Int] = [:], family: [Int64: Int] = [:], byMonth: [String: Int] = [:]
        for row in rows {
            let n: Int = row["n"], municipality: Int64 = row["municipality"]
            if row["kind"] as String == "family" { family[municipality, default: 0] += n } else { individual[municipality, default: 0] += n }
            byMonth[row["month"], default: 0] += n
        }
        return ((individual.values.reduce(0, +), individual), (family.values.reduce(0, +), family), byMonth)
    }

    func referralsByService(_ db: Database) throws -> [String: Int] {
        let rows = try Row.fetchAll(db, sql: """
            SELECT r.service, count(*) AS n FROM referral r JOIN caseFile c ON c.id = r.caseId
            WHERE r.date \(period) \(origin("r")) \(inMunicipality) GROUP BY r.service
            """, arguments: compiler.baseArguments)
        return Dictionary(uniqueKeysWithValues: rows.map { ($0["service"], $0["n"]) })
    }
}
