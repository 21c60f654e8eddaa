import GRDB
import PluginKit

// The dated history of goals and review dates, kept beside the rows that are
// overwritten (a goal's status and due date, a case's next review), so reports for a
// past period see them as they stood.

extension GoalChange {
    /// Records a goal's status and due date as of a day (audited).
    static func record(_ goal: Goal, on date: LocalDate, _ audit: AuditLog, caseId: Int64) throws {
        var change = GoalChange(goalId: goal.id!, changedOn: date, status: goal.status, dueOn: goal.dueOn)
        try change.insert(audit.db)
        try audit.created(change, id: change.id, caseId: caseId)
    }

    /// Gives every goal without history the history its row implies: open with its due
    /// date from the day its agreement was signed, then its status from its status date.
    /// The migration, the legacy import and a received bundle (whose goals carry no
    /// history) use it; `status_on` is thus the date of the current status. With a case,
    /// only that case's goals are looked at.
    static func recordMissing(_ db: Database, ofCase caseId: Int64? = nil) throws {
        let only = caseId.map { "JOIN agreement a ON a.id = g.agreementId AND a.caseId = \($0)" } ?? ""
        try db.execute(sql: """
            CREATE TEMP TABLE IF NOT EXISTS newHistory (goalId INTEGER PRIMARY KEY);
            DELETE FROM newHistory;
            INSERT INTO newHistory SELECT g.id FROM goal g \(only) WHERE NOT EXISTS (SELECT 1 FROM goalChange h WHERE h.goalId = g.id);
            INSERT INTO goalChange (goalId, changedOn, status, dueOn)
                SELECT g.id, a.signedOn, 'open', g.dueOn FROM newHistory n JOIN goal g ON g.id = n.goalId JOIN agreement a ON a.id = g.agreementId
                 WHERE g.status = 'open' OR g.statusOn IS NULL OR g.statusOn > a.signedOn;
            INSERT INTO goalChange (goalId, changedOn, status, dueOn)
                SELECT g.id, g.statusOn, g.status, g.dueOn FROM newHistory n JOIN goal g ON g.id = n.goalId
                 WHERE g.status <> 'open' AND g.statusOn IS NOT NULL;
            DROP TABLE newHistory;
            """)
    }
}

extension ScheduledReview {
    /// Sets a case's next review date as of a day: the date due so far is held (a review
    /// took place) or moved (the date was changed without one), and the new one is
    /// scheduled. Audited; nothing changes when the date stays.
    static func schedule(_ caseId: Int64, next dueOn: LocalDate?, on date: LocalDate, held: Bool, _ audit: AuditLog) throws {
        let db = audit.db
        if let current = try ScheduledReview.pending(of: caseId).fetchOne(db) {
            if !held, current.dueOn == dueOn { return }
            var settled = current
            if held { settled.heldOn = date } else { settled.movedOn = date }
            try settled.update(db)
            try audit.updated(from: current, to: settled, id: current.id, caseId: caseId)
        }
        guard let dueOn else { return }
        var next = ScheduledReview(caseId: caseId, dueOn: dueOn, scheduledOn: date)
        try next.insert(db)
        try audit.created(next, id: next.id, caseId: caseId)
    }
}
