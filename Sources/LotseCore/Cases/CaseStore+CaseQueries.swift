import GRDB
import PluginKit

// MARK: - Reading cases (each read of personal data is audited)

extension CaseStore {
    public func caseDetail(_ caseId: Int64) throws -> CaseDetail {
        try auditedRead(.readCases, case: caseId) { audit in
            let db = audit.db
            let caseFile = try CaseFile.existing(caseId, db)
            let municipality = try Municipality.fetchOne(db, key: caseFile.municipalityId)?.name ?? "?"
            let staff = try caseFile.staffId.flatMap { try Staff.fetchOne(db, key: $0)?.name }
            let members = try HouseholdMember.ofCase(caseFile).fetchAll(db)
            let memberDetails = try members.map { member in
                CaseDetail.Member(person: try Person.fetchOne(db, key: member.personId)!,
                                  identity: try PersonIdentity.fetchOne(db, key: member.personId),
                                  fromDate: member.fromDate, toDate: member.toDate)
            }
            let agreements = try Agreement.ofCase(caseId).fetchAll(db)
            let agreementDetails = try agreements.map { agreement in
                let goals = try Goal.ofAgreement(agreement.id).fetchAll(db)
                return CaseDetail.AgreementDetail(agreement: agreement, goals: try goals.map { goal in
                    CaseDetail.GoalDetail(goal: goal, reviews: try GoalReview.ofGoal(goal.id).fetchAll(db))
                })
            }
            let detail = CaseDetail(
                caseFile: caseFile, municipality: municipality, staff: staff, members: memberDetails,
                answers: try Answer.ofCase(caseId).fetchAll(db),
                agreements: agreementDetails,
                reviews: try ScheduledReview.ofCase(caseId).fetchAll(db),
                conversations: try Conversation.ofCase(caseId).fetchAll(db),
                referrals: try Referral.ofCase(caseId).fetchAll(db),
                outcomes: try Outcome.ofPersons(members.map(\.personId)).fetchAll(db),
                moves: try Move.ofCase(caseId).fetchAll(db),
                consents: try Consent.ofCase(caseId).fetchAll(db),
                attachments: try Attachment.ofCase(caseId).fetchAll(db),
                notes: try CaseNote.ofCase(caseId).fetchAll(db)
            )
            try audit.record(.read, "caseFile", id: caseId, caseId: caseId)
            return detail
        }
    }

    /// A page of cases, newest first. Shows one family name per case: a read of
    /// personal data, audited once per page.
    public func listCases(_ filter: CaseFilter) throws -> (cases: [CaseSummary], total: Int) {
        try auditedRead(.readCases) { audit in
            let db = audit.db
            var conditions = ["1 = 1"]
            var arguments: [any DatabaseValueConvertible] = []
            if let scope = municipalityScope {
                conditions.append("c.municipalityId = ?")
                arguments.append(scope)
            }
            if let municipality = filter.municipality {
                conditions.append("c.municipalityId = ?")
                arguments.append(try Municipality.resolve(municipality, db).id!)
            }
            if let status = filter.status {
                conditions.append("c.status = ?")
                arguments.append(status.rawValue)
            }
            if let staff = filter.staff {
                conditions.append("c.staffId = ?")
                arguments.append(try Staff.resolve(staff, db).id!)
            }
            let whereClause = conditions.joined(separator: " AND ")
            let total = try Int.fetchOne(db, sql: "SELECT count(*) FROM caseFile c WHERE \(whereClause)", arguments: StatementArguments(arguments)) ?? 0
            let rows = try Row.fetchAll(db, sql: """
                SELECT c.id, c.kind, c.status, c.openedOn, c.nextReviewOn, m.name AS municipality, s.name AS staff,
                       (SELECT pi.familyName FROM householdMember hm JOIN personIdentity pi ON pi.personId = hm.personId
                         WHERE hm.householdId = c.householdId AND (c.personId IS NULL OR hm.personId = c.personId)
                         ORDER BY hm.fromDate, hm.personId LIMIT 1) AS name,
                       CASE WHEN c.personId IS NOT NULL THEN 1 ELSE
                         (SELECT count(*) FROM householdMember hm WHERE hm.householdId = c.householdId AND hm.toDate IS NULL) END AS persons
                FROM caseFile c JOIN municipality m ON m.id = c.municipalityId LEFT JOIN staff s ON s.id = c.staffId
                WHERE \(whereClause)
                ORDER BY c.id DESC LIMIT ? OFFSET ?
                """, arguments: StatementArguments(arguments + [filter.pageSize, (filter.page - 1) * filter.pageSize]))
            let cases = rows.map { row in
                CaseSummary(id: row["id"], kind: row["kind"], status: row["status"], municipality: row["municipality"], staff: row["staff"],
                            name: row["name"], persons: row["persons"], openedOn: row["openedOn"], nextReviewOn: row["nextReviewOn"])
            }
            try audit.record(.read, "caseFile", id: nil, caseId: nil, field: "list")
            return (cases, total)
        }
    }

    /// Ids of the cases still worked on (active or waiting), newest first, for Tab
    /// completion. Ids are not personal data, so the read is not audited.
    public func openCaseIds(limit: Int = 5000) throws -> [Int64] {
        try read(.readCases) { db in
            try Int64.fetchAll(db, CaseFile.open(in: municipalityScope).select(CaseFile.Columns.id).limit(limit))
        }
    }
}
