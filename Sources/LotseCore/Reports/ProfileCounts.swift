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
    /// alone is 1 January), country and residence status. The database lists each
    /// (person, municipality) once with its band; the tallies are kept here, which costs
    /// a third of grouping the rows by every breakdown in SQL.
    mutating func persons(_ queries: CoreQueries, bands: [ReportProfile.AgeBand], _ db: Database) throws {
        var arguments = queries.compiler.baseArguments
        let cases = bands.enumerated().map { index, band -> String in
            arguments += ["band\(index)": band.id, "from\(index)": band.from, "to\(index)": band.to ?? Int.max]
            return "WHEN age BETWEEN :from\(index) AND :to\(index) THEN :band\(index)"
        }.joined(separator: " ")
        let rows = try Row.fetchCursor(db, sql: """
            SELECT pm.municipalityId, p.id, p.sex, CASE \(cases) END, coalesce(p.country, 'ZZ'), coalesce(p.residence, 'unknown')
              FROM (\(queries.compiler.personsSQL(inCare: true))) pm
              JOIN (SELECT id, sex, country, residence,
                           CAST(substr(:asOf, 1, 4) AS INTEGER) - CAST(substr(birthDate, 1, 4) AS INTEGER)
                           - (substr(:asOf, 6, 5) < substr(birthDate, 6, 5)) AS age
                      FROM person) p ON p.id = pm.personId
            """, arguments: arguments)
        /// Persons in total and by each breakdown's value (sex, band, country, status).
        struct Tally {
            var total = 0
            var parts: [[String: Int]] = Array(repeating: [:], count: 4)
            mutating func add(_ values: [String?]) {
                total += 1
                for (index, value) in values.enumerated() { if let value { parts[index][value, default: 0] += 1 } }
            }
        }
        var byMunicipality: [Int64: Tally] = [:], all = Tally(), counted = Set<Int64>()
        while let row = try rows.next() {
            let municipality: Int64 = row[0], person: Int64 = row[1]
            let values: [String?] = [row[2], row[3], row[4], row[5]]
            byMunicipality[municipality, default: Tally()].add(values)
            if counted.insert(person).inserted { all.add(values) }
        }
        let measures = ["personsBySex", "personsByAge", "personsByCountry", "personsByResidence"]
        for (municipality, tally) in byMunicipality.map({ (Optional($0.key), $0.value) }) + [(nil, all)] {
            values["persons", default: [:]][municipality] = tally.total
            for (measure, counts) in zip(measures, tally.parts) {
                for (value, n) in counts { values["\(measure).\(value)", default: [:]][municipality] = n }
            }
        }
        countries = all.parts[2].keys.sorted()
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
