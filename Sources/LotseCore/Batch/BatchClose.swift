import GRDB
import PluginKit

/// The rules `batch close` applies to active cases.
public enum ClosureRule: String, Sendable, CaseIterable {
    /// A move out of the municipality was recorded: closed on the move's date.
    case movedAway = "moved-away"
    /// Every goal of the latest agreement achieved or dropped, at least one achieved.
    case completed
    /// No conversation for the configured number of months.
    case inactive
    /// In care longer than the funding allows (a justified extension adds a year).
    case maxDuration = "max-duration"

    /// The closure reason (closure-reasons.json) the rule records.
    public var reason: String {
        switch self {
        case .movedAway: "moved_away"
        case .completed: "integration_completed"
        case .inactive: "no_contact"
        case .maxDuration: "no_longer_eligible"
        }
    }
}

/// A case a rule applies to, and why.
public struct ClosureCandidate: Sendable, Equatable, Codable {
    public var caseId: Int64
    public var municipality: String
    public var persons: Int
    public var closeOn: LocalDate
    /// Why, in a few words without personal data ("moved on 2019-01-01 to another municipality").
    public var why: String
}

extension CaseStore {
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
                SELECT c.id, m.name, \(persons) AS persons, mv.movedOn AS closeOn, 'moved out of the municipality on ' || mv.movedOn AS why
                FROM caseFile c JOIN municipality m ON m.id = c.municipalityId
                JOIN (SELECT caseId, min(movedOn) AS movedOn FROM move WHERE leavesMunicipality = 1 GROUP BY caseId) mv ON mv.caseId = c.id
                WHERE c.status = 'active' AND mv.movedOn <= :on
                """
            case .completed: """
                SELECT c.id, m.name, \(persons) AS persons, :on AS closeOn, 'all goals of agreement ' || a.id || ' settled, ' || a.achieved || ' achieved' AS why
                FROM caseFile c JOIN municipality m ON m.id = c.municipalityId
                JOIN (SELECT ag.id, ag.caseId, sum(g.status = 'achieved') AS achieved, sum(g.status = 'open') AS open
                        FROM agreement ag JOIN goal g ON g.agreementId = ag.id
                       WHERE ag.id = (SELECT id FROM agreement latest WHERE latest.caseId = ag.caseId ORDER BY signedOn DESC, id DESC LIMIT 1)
                       GROUP BY ag.id) a ON a.caseId = c.id
                WHERE c.status = 'active' AND a.open = 0 AND a.achieved > 0
                """
            case .inactive: """
                SELECT c.id, m.name, \(persons) AS persons, :on AS closeOn,
                       'no conversation since ' || coalesce((SELECT max(date) FROM conversation v WHERE v.caseId = c.id), 'the start on ' || c.openedOn) AS why
                \(base) AND coalesce((SELECT max(date) FROM conversation v WHERE v.caseId = c.id AND v.date <= :on), c.openedOn) < :inactiveSince
                """
            case .maxDuration: """
                SELECT c.id, m.name, \(persons) AS persons, :on AS closeOn, 'in care since ' || c.openedOn AS why
                \(base) AND c.openedOn < CASE WHEN c.justifiedExtension THEN :extendedSince ELSE :fundedSince END
                """
            }
            let arguments: StatementArguments = ["on": date, "inactiveSince": date.adding(months: -inactiveMonths),
                                                 "fundedSince": date.adding(months: -12 * maxCareYears),
                                                 "extendedSince": date.adding(months: -12 * (maxCareYears + 1)), "scope": municipalityScope]
            return try Row.fetchAll(db, sql: sql + " AND (:scope IS NULL OR c.municipalityId = :scope) ORDER BY c.id", arguments: arguments).map { row in
                ClosureCandidate(caseId: row[0], municipality: row[1], persons: row[2], closeOn: row[3], why: row[4])
            }
        }
    }
}
