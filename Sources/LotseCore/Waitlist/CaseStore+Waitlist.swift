import GRDB
import PluginKit

// MARK: - Waiting list and admission

extension CaseStore {
    /// Waiting cases in admission order (as the eligibility rule orders them), optionally
    /// of one municipality.
    public func waitlist(municipality reference: String? = nil, on date: LocalDate, eligibility: Eligibility = .vwv2018) throws -> [WaitlistEntry] {
        try read(.readCases) { db in try Self.waitlist(try scoped(reference, .readCases, db), on: date, eligibility: eligibility, db) }
    }

    /// The municipality a list is limited to: the one asked for (if the user may), else
    /// the user's own.
    private func scoped(_ reference: String?, _ permission: Permission, _ db: Database) throws -> Municipality? {
        if let reference {
            let municipality = try Municipality.resolve(reference, db)
            try principal.authorize(permission, municipalityId: municipality.id!)
            return municipality
        }
        return try municipalityScope.flatMap { try Municipality.fetchOne(db, key: $0) }
    }

    /// Places and persons in care per municipality on a date.
    public func capacities(personsPerFTE: Int, on date: LocalDate) throws -> [Capacity] {
        try read(.readOrganisation) { db in try Self.capacities(personsPerFTE: personsPerFTE, on: date, db) }
    }

    /// Admits waiting cases in order while places are free; a household larger than the
    /// free places is skipped (and said so), smaller ones after it may still come in.
    public func admit(municipality reference: String? = nil, personsPerFTE: Int, on date: LocalDate, eligibility: Eligibility = .vwv2018) throws -> Admission {
        try FactDate.opened.check(date)
        return try write(.writeCases) { audit in
            let db = audit.db
            let only = try scoped(reference, .writeCases, db)
            var free = Dictionary(uniqueKeysWithValues: try Self.capacities(personsPerFTE: personsPerFTE, on: date, db).map { ($0.municipality, $0.free) })
            var result = Admission()
            for entry in try Self.waitlist(only, on: date, eligibility: eligibility, db) {
                let places = free[entry.municipality] ?? 0
                guard entry.persons <= places else {
                    result.skipped.append(.init(caseId: entry.caseId, persons: entry.persons, freePlaces: places))
                    continue
                }
                free[entry.municipality] = places - entry.persons
                let old = try CaseFile.existing(entry.caseId, db)
                var new = old
                new.admit(on: date)
                try new.update(db)
                try audit.updated(from: old, to: new, id: entry.caseId, caseId: entry.caseId, action: .admit)
                result.admitted.append(entry)
            }
            result.capacities = try Self.capacities(personsPerFTE: personsPerFTE, on: date, db)
                .filter { only == nil || $0.municipality == only!.name }
            return result
        }
    }

    /// Takes a waiting case into care for its intake: admitted on `date` with the
    /// manager who runs the intake responsible (else the one named already), if its
    /// municipality has places for the household; refused with the reason otherwise.
    /// Returns the responsible manager's name.
    public func admitForIntake(_ caseId: Int64, personsPerFTE: Int, on date: LocalDate) throws -> String {
        try FactDate.opened.check(date)
        var responsible = ""
        _ = try change(caseId, action: .admit) { caseFile, audit in
            guard caseFile.status == .waiting else { return }
            guard let staffId = principal.staffId ?? caseFile.staffId else {
                throw UsageError("intake.noResponsible", ["case": .number(caseId)])
            }
            let municipality = try Municipality.fetchOne(audit.db, key: caseFile.municipalityId)!
            let persons = try Self.waitlist(municipality, on: date, eligibility: .vwv2018, audit.db).first { $0.caseId == caseId }?.persons ?? 0
            let free = try Self.capacities(personsPerFTE: personsPerFTE, on: date, audit.db).first { $0.municipality == municipality.name }?.free ?? 0
            guard persons <= free else {
                throw UsageError("intake.noPlaces", ["case": .number(caseId), "municipality": .text(municipality.name),
                                                     "persons": .number(persons), "free": .number(free)])
            }
            caseFile.admit(on: date)
            caseFile.staffId = staffId
            responsible = try Staff.fetchOne(audit.db, key: staffId)?.name ?? ""
        }
        return responsible
    }

    static func waitlist(_ municipality: Municipality?, on date: LocalDate, eligibility: Eligibility, _ db: Database) throws -> [WaitlistEntry] {
        var sql = """
            SELECT c.id, c.waitlistedOn, m.name AS municipality,
                   count(p.id) AS persons,
                   max(p.arrivalDate BETWEEN '2015-01-01' AND '2016-02-29') AS inWindow,
                   min(CASE p.stayProspect WHEN 'high' THEN 0 WHEN 'medium' THEN 1 WHEN 'low' THEN 2 ELSE 3 END) AS prospect,
                   max(p.residence = 'temporary_protection') AS ukraine
            FROM caseFile c
            JOIN municipality m ON m.id = c.municipalityId
            JOIN householdMember hm ON hm.householdId = c.householdId AND (c.personId IS NULL OR hm.personId = c.personId)
                 AND hm.fromDate <= ? AND (hm.toDate IS NULL OR hm.toDate > ?)
            JOIN person p ON p.id = hm.personId
            WHERE c.status = 'waiting'
            """
        var arguments: StatementArguments = [date, date]
        if let municipality {
            sql += " AND c.municipalityId = ?"
            arguments += [municipality.id]
        }
        sql += " GROUP BY c.id"
        return try Row.fetchAll(db, sql: sql, arguments: arguments).map { row in
            WaitlistEntry(caseId: row["id"], municipality: row["municipality"], persons: row["persons"],
                          arrivedInPriorityWindow: row["inWindow"] ?? false,
                          stayProspect: StayProspect.allCases[row["prospect"] ?? 3], waitlistedOn: row["waitlistedOn"],
                          displacedFromUkraine: row["ukraine"] ?? false)
        }.sorted(by: eligibility.precedes)
    }

    /// Places and persons in care on a date (`PersonsInCare`, as the report counts them).
    static func capacities(personsPerFTE: Int, on date: LocalDate, _ db: Database) throws -> [Capacity] {
        try Row.fetchAll(db, sql: """
            SELECT m.name, m.fte, m.address, m.authorityKey,
                   (SELECT count(DISTINCT hm.personId) FROM caseFile c \(PersonsInCare.join)
                     WHERE c.municipalityId = m.id AND \(PersonsInCare.opened(by: ":asOf")) AND \(PersonsInCare.stillInCare(on: ":asOf"))) AS inCare
            FROM municipality m ORDER BY m.name
            """, arguments: ["asOf": date]).map { row in
            let fte: Double = row["fte"]
            return Capacity(municipality: row["name"], fte: fte, places: Int((fte * Double(personsPerFTE)).rounded(.down)), inCare: row["inCare"],
                            address: row["address"], authorityKey: row["authorityKey"])
        }
    }
}

extension CaseFile {
    /// Off the waiting list into care, opened on `date`.
    mutating func admit(on date: LocalDate) {
        status = .active
        openedOn = date
    }
}
