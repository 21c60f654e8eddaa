import GRDB
import PluginKit

extension CaseStore {
    /// The reason line for a candidate, from the query's two detail columns.
    static func why(_ rule: ClosureRule, _ detail: DatabaseValue, _ more: DatabaseValue) -> Message {
        switch rule {
        case .movedAway: Message("closure.why.movedAway", ["date": .optionalDate(LocalDate.fromDatabaseValue(detail))])
        case .completed: Message("closure.why.completed", ["agreement": .text(String(Int64.fromDatabaseValue(detail) ?? 0)),
                                                           "count": .number(Int.fromDatabaseValue(more) ?? 0)])
        case .inactive: LocalDate.fromDatabaseValue(detail).map { Message("closure.why.inactive", ["date": .date($0)]) }
            ?? Message("closure.why.inactiveSinceStart", ["date": .optionalDate(LocalDate.fromDatabaseValue(more))])
        case .maxDuration: Message("closure.why.maxDuration", ["date": .optionalDate(LocalDate.fromDatabaseValue(detail))])
        }
    }

    /// Active cases the rule applies to on a date.
    public func closureCandidates(_ rule: ClosureRule, on date: LocalDate, inactiveMonths: Int, maxCareYears: Int) throws -> [ClosureCandidate] {
        try read(.batchClose) { db in
            let persons = """
                CASE WHEN c.personId IS NOT NULL THEN 1 ELSE (SELECT count(*) FROM householdMember hm WHERE hm.householdId = c.householdId
                     AND hm.fromDate <= :on AND (hm.toDate IS NULL OR hm.toDate > :on)) END
                """
            let base = "FROM caseFile c JOIN municipality m ON m.id = c.municipalityId WHERE c.status = 'active'"
            let sql: String = switch rule {
            case .movedAway: """
                SELECT c.id, m.name, \(persons) AS persons, mv.movedOn AS closeOn, mv.movedOn AS detail, NULL AS more
                FROM caseFile c JOIN municipality m ON m.id = c.municipalityId
                JOIN (SELECT caseId, min(movedOn) AS movedOn FROM move WHERE leavesMunicipality = 1 GROUP BY caseId) mv ON mv.caseId = c.id
                WHERE c.status = 'active' AND mv.movedOn <= :on
                """
            case .completed: """
                SELECT c.id, m.name, \(persons) AS persons, :on AS closeOn, a.id AS detail, a.achieved AS more
                FROM caseFile c JOIN municipality m ON m.id = c.municipalityId
                JOIN (SELECT ag.id, ag.caseId, sum(g.status = 'achieved') AS achieved, sum(g.status = 'open') AS open
                        FROM agreement ag JOIN goal g ON g.agreementId = ag.id
                       WHERE ag.id = (SELECT id FROM agreement latest WHERE latest.caseId = ag.caseId ORDER BY signedOn DESC, id DESC LIMIT 1)
                       GROUP BY ag.id) a ON a.caseId = c.id
                WHERE c.status = 'active' AND a.open = 0 AND a.achieved > 0
                """
            case .inactive: """
                SELECT c.id, m.name, \(persons) AS persons, :on AS closeOn,
                       (SELECT max(date) FROM conversation v WHERE v.caseId = c.id) AS detail, c.openedOn AS more
                \(base) AND coalesce((SELECT max(date) FROM conversation v WHERE v.caseId = c.id AND v.date <= :on), c.openedOn) < :inactiveSince
                """
            case .maxDuration: """
                SELECT c.id, m.name, \(persons) AS persons, :on AS closeOn, coalesce(c.supportSince, c.openedOn) AS detail, NULL AS more
                \(base) AND \(CareLimit.sql(maxCareYears: ":maxCareYears")) < :on
                """
            }
            let arguments: StatementArguments = ["on": date, "inactiveSince": date.adding(months: -inactiveMonths),
                                                 "maxCareYears": maxCareYears, "scope": municipalityScope]
            return try Row.fetchAll(db, sql: sql + " AND (:scope IS NULL OR c.municipalityId = :scope) ORDER BY c.id", arguments: arguments).map { row in
                ClosureCandidate(caseId: row[0], municipality: row[1], persons: row[2], closeOn: row[3], why: Self.why(rule, row[4], row[5]))
            }
        }
    }
}
