import GRDB
import PluginKit

/// The counts behind a funder's sheet, keyed by measure and part ("personsBySex.f"),
/// per municipality and in total (key nil). Records belong to one municipality, so their
/// total is the municipalities' sum; persons are counted once in the total.
struct ProfileCounts {
    private var values: [String: [Int64?: Int]] = [:]
    /// The countries of origin found (ZZ for none recorded), in code order.
    private(set) var countries: [String] = []

    func count(_ key: String, municipality: Int64?) -> Int { values[key]?[municipality] ?? 0 }

    private mutating func add(_ key: String, _ municipality: Int64?, _ n: Int, total: Bool = true) {
        values[key, default: [:]][municipality, default: 0] += n
        if total, municipality != nil { values[key, default: [:]][nil, default: 0] += n }
    }

    /// Persons in care on the as-of date by sex, age band (completed years; a birth year
    /// alone is 1 January), country and residence status: one pass, grouped.
    mutating func persons(_ queries: CoreQueries, bands: [ReportProfile.AgeBand], _ db: Database) throws {
        var arguments = queries.compiler.baseArguments
        let cases = bands.enumerated().map { index, band -> String in
            arguments += ["band\(index)": band.id, "from\(index)": band.from, "to\(index)": band.to ?? Int.max]
            return "WHEN age BETWEEN :from\(index) AND :to\(index) THEN :band\(index)"
        }.joined(separator: " ")
        let rows = try Row.fetchAll(db, sql: """
            WITH persons AS MATERIALIZED (\(queries.compiler.personsSQL(inCare: true))),
                 facts AS MATERIALIZED (
                   SELECT pm.municipalityId AS municipality, p.id AS id, p.sex AS sex, coalesce(p.country, 'ZZ') AS country,
                          coalesce(p.residence, 'unknown') AS residence,
                          CASE \(cases) END AS band
                     FROM persons pm JOIN (SELECT id, sex, country, residence,
                                                  CAST(substr(:asOf, 1, 4) AS INTEGER) - CAST(substr(birthDate, 1, 4) AS INTEGER)
                                                  - (substr(:asOf, 6, 5) < substr(birthDate, 6, 5)) AS age
                                             FROM person) p ON p.id = pm.personId)
            SELECT municipality, sex, band, country, residence, count(*) AS n FROM facts GROUP BY 1, 2, 3, 4, 5
            UNION ALL
            SELECT NULL, sex, band, country, residence, count(*) FROM (SELECT DISTINCT id, sex, band, country, residence FROM facts) GROUP BY 2, 3, 4, 5
            """, arguments: arguments)
        var countries = Set<String>()
        for row in rows {
            let municipality: Int64? = row["municipality"], n: Int = row["n"], country: String = row["country"]
            countries.insert(country)
            add("persons", municipality, n, total: false)
            add("personsBySex.\(row["sex"] as String)", municipality, n, total: false)
            if let band: String = row["band"] { add("personsByAge.\(band)", municipality, n, total: false) }
            add("personsByCountry.\(country)", municipality, n, total: false)
            add("personsByResidence.\(row["residence"] as String)", municipality, n, total: false)
        }
        self.countries = countries.sorted()
    }

    /// Active cases by kind on the date; agreements signed in the period; active cases
    /// with an agreement signed by the date.
    mutating func cases(_ queries: CoreQueries, _ db: Database) throws {
        let active = "c.openedOn <= :asOf AND (c.closedOn IS NULL OR c.closedOn > :asOf)"
        for row in try Row.fetchAll(db, sql: """
            SELECT c.municipalityId AS municipality, c.kind AS kind, count(*) AS n,
                   sum(EXISTS (SELECT 1 FROM agreement a WHERE a.caseId = c.id AND a.signedOn <= :asOf \(queries.origin("a")))) AS planned
              FROM caseFile c WHERE \(active) \(queries.inMunicipality) GROUP BY 1, 2
            """, arguments: queries.compiler.baseArguments) {
            let municipality: Int64 = row["municipality"]
            add(row["kind"] as String == "family" ? "casesFamily" : "casesIndividual", municipality, row["n"])
            add("plansActive", municipality, row["planned"])
        }
        for row in try Row.fetchAll(db, sql: """
            SELECT c.municipalityId AS municipality, count(*) AS n FROM agreement a JOIN caseFile c ON c.id = a.caseId
             WHERE a.signedOn \(queries.period) \(queries.origin("a")) \(queries.inMunicipality) GROUP BY 1
            """, arguments: queries.compiler.baseArguments) {
            add("plansNew", row["municipality"], row["n"])
        }
    }

    /// Conversations in the period by kind, and by the sheet's topics (a conversation
    /// counts once for each sheet topic one of its topics maps to); network contacts.
    mutating func conversations(_ queries: CoreQueries, topics: [ReportProfile.Topic], _ db: Database) throws {
        for row in try Row.fetchAll(db, sql: """
            SELECT c.municipalityId AS municipality, v.kind AS kind, v.topics AS topics, count(*) AS n
              FROM conversation v JOIN caseFile c ON c.id = v.caseId
             WHERE v.date \(queries.period) \(queries.origin("v")) \(queries.inMunicipality) GROUP BY 1, 2, 3
            """, arguments: queries.compiler.baseArguments) {
            let municipality: Int64 = row["municipality"], n: Int = row["n"]
            add(row["kind"] as String == "family" ? "conversationsFamily" : "conversationsIndividual", municipality, n)
            let held = Set((row["topics"] as String).split(separator: ";").map(String.init))
            for topic in topics where topic.counts.contains(where: held.contains) { add("conversationsByTopic.\(topic.id)", municipality, n) }
        }
        let contacts = try queries.networkContacts(db)
        for (municipality, n) in contacts.byMunicipality { add("networkContacts", municipality, n) }
    }

    /// Referrals in the period by service.
    mutating func referrals(_ queries: CoreQueries, _ db: Database) throws {
        for row in try Row.fetchAll(db, sql: """
            SELECT c.municipalityId AS municipality, r.service AS service, count(*) AS n FROM referral r JOIN caseFile c ON c.id = r.caseId
             WHERE r.date \(queries.period) \(queries.origin("r")) \(queries.inMunicipality) GROUP BY 1, 2
            """, arguments: queries.compiler.baseArguments) {
            add("referralsByService.\(row["service"] as String)", row["municipality"], row["n"])
        }
    }
}
