import GRDB
import PluginKit

// MARK: - The day's work list

extension CaseStore {
    /// Reviews and goals of active cases due on or before `until` (overdue ones
    /// included), overdue handover receipts, and cases reaching their limit of care
    /// (`maxCareYears`, one more with an extension) within `careEndWarningMonths`;
    /// overdue first, then by date. Names whom each is about: an audited read.
    public func due(until: LocalDate, scope: DueScope, deployment: Deployment = Deployment()) throws -> [DueItem] {
        try auditedRead(.readCases) { audit in
            let db = audit.db
            let (sql, arguments) = try Self.dueItems(until: until, scope: scope, municipalityScope: municipalityScope, deployment: deployment, db)
            let rows = try Row.fetchAll(db, sql: """
                SELECT d.*, m.name AS municipality, s.name AS staff,
                       coalesce((SELECT pi.givenNames || ' ' || pi.familyName FROM personIdentity pi WHERE pi.personId = d.personId),
                                (SELECT pi.familyName FROM householdMember hm JOIN personIdentity pi ON pi.personId = hm.personId
                                  WHERE hm.householdId = c.householdId AND (c.personId IS NULL OR hm.personId = c.personId)
                                  ORDER BY hm.fromDate, hm.personId LIMIT 1)) AS person
                  FROM (\(sql)) d JOIN caseFile c ON c.id = d.caseId JOIN municipality m ON m.id = c.municipalityId
                  LEFT JOIN staff s ON s.id = c.staffId
                 ORDER BY d.date, d.caseId, d.kind
                """, arguments: arguments)
            try audit.record(.read, "caseFile", id: nil, caseId: nil, field: "due")
            return rows.map {
                DueItem(caseId: $0["caseId"], kind: DueItem.Kind(rawValue: $0["kind"]) ?? .review, date: $0["date"], title: $0["title"],
                        person: $0["person"], staff: $0["staff"], municipality: $0["municipality"])
            }
        }
    }

    /// Per municipality, how many items are overdue on `today` and how many come by
    /// `until`: counts only, so no personal data is read.
    public func dueSummary(today: LocalDate, until: LocalDate, deployment: Deployment = Deployment()) throws -> [DueSummary] {
        try read(.readCases) { db in
            let (sql, arguments) = try Self.dueItems(until: until, scope: DueScope(), municipalityScope: municipalityScope, deployment: deployment, db)
            let rows = try Row.fetchAll(db, sql: """
                SELECT m.name AS municipality, sum(d.date < ?) AS overdue, sum(d.date >= ?) AS coming
                  FROM (\(sql)) d JOIN caseFile c ON c.id = d.caseId JOIN municipality m ON m.id = c.municipalityId
                 GROUP BY m.id ORDER BY m.name
                """, arguments: arguments + [today, today])
            return rows.map { DueSummary(municipality: $0["municipality"], overdue: $0["overdue"], coming: $0["coming"]) }
        }
    }

    /// The items as SQL: caseId, kind, date, title, personId.
    private static func dueItems(until: LocalDate, scope: DueScope, municipalityScope: Int64?, deployment: Deployment,
                                 _ db: Database) throws -> (String, StatementArguments) {
        let staffId = try scope.staff.map { try Staff.resolve($0, db).id! }
        let municipalityId = try scope.municipality.map { try Municipality.resolve($0, db).id! }
        // A principal bound to a municipality sees only it, whatever was asked.
        let only = municipalityScope ?? municipalityId
        // Only the filters asked for, so SQLite can start from the staff's (or the
        // municipality's) cases by their index rather than scan every case.
        let filters = [staffId.map { _ in "c.staffId = :staff" }, only.map { _ in "c.municipalityId = :municipality" }].compactMap { $0 }
        let cases = filters.isEmpty ? "1" : filters.joined(separator: " AND ")
        let sql = """
            SELECT c.id AS caseId, 'review' AS kind, c.nextReviewOn AS date, NULL AS title, NULL AS personId
              FROM caseFile c
             WHERE c.status = 'active' AND c.nextReviewOn <= :until AND \(cases)
            UNION ALL
            SELECT c.id, 'goal', g.dueOn, g.title, g.personId
              FROM goal g JOIN agreement a ON a.id = g.agreementId JOIN caseFile c ON c.id = a.caseId
             WHERE c.status = 'active' AND g.status = 'open' AND g.dueOn <= :until AND \(cases)
            UNION ALL
            SELECT c.id, 'receipt', date(h.handedOverOn, '+' || :receiptDays || ' days'), h.counterpart, NULL
              FROM handover h JOIN caseFile c ON c.id = h.caseId
             WHERE h.direction = 'out' AND h.receiptOn IS NULL AND date(h.handedOverOn, '+' || :receiptDays || ' days') <= :until AND \(cases)
            UNION ALL
            SELECT * FROM (SELECT c.id, 'careEnd', \(CareLimit.sql(maxCareYears: ":maxCareYears")) AS limitOn, NULL, NULL
              FROM caseFile c WHERE c.status = 'active' AND \(cases))
             WHERE limitOn <= :careUntil
            """
        let arguments: StatementArguments = ["until": until, "staff": staffId, "municipality": only, "receiptDays": deployment.receiptOverdueDays,
                                             "maxCareYears": deployment.maxCareYears, "careUntil": until.adding(months: deployment.careEndWarningMonths)]
        return (sql, arguments)
    }
}
