import GRDB
import PluginKit

// MARK: - Reviews of goals, and what is due

extension CaseStore {
    /// The open goals of a case, oldest agreement first (an audited read).
    public func openGoals(_ caseId: Int64) throws -> [OpenGoal] {
        try write(.writeCases, case: caseId) { audit in
            _ = try CaseFile.existing(caseId, audit.db)
            let rows = try Row.fetchAll(audit.db, sql: """
                SELECT g.*, pi.givenNames || ' ' || pi.familyName AS personName FROM goal g
                JOIN agreement a ON a.id = g.agreementId LEFT JOIN personIdentity pi ON pi.personId = g.personId
                WHERE a.caseId = ? AND g.status = 'open' ORDER BY g.dueOn, g.id
                """, arguments: [caseId])
            try audit.record(.read, "goal", id: nil, caseId: caseId, field: "review")
            return try rows.map { OpenGoal(goal: try Goal(row: $0), personName: $0["personName"]) }
        }
    }

    /// Records a review in one transaction: each goal's decision and review row, the
    /// outcomes achieved goals imply (for the goal's person, or every current member
    /// for a household goal), a conversation, and the next review date.
    public func recordReview(_ caseId: Int64, on date: LocalDate, decisions: [Int64: GoalDecision], templates: [String: GoalTemplate],
                             nextReviewOn: LocalDate?) throws -> ReviewResult {
        if let nextReviewOn { try FactDate.review.ahead(nextReviewOn, today: date) }
        for case .continued(let due) in decisions.values { try FactDate.due.ahead(due, today: date) }
        return try write(.writeCases, case: caseId) { audit in
            let db = audit.db
            let oldCase = try CaseFile.existing(caseId, db)
            try FactDate.reviewed.check(date, notBefore: oldCase.startedOn)
            var outcomes: [Outcome] = []
            var topics: [String] = []
            for (goalId, decision) in decisions.sorted(by: { $0.key < $1.key }) {
                guard let old = try Goal.fetchOne(db, key: goalId), old.status == .open,
                      try Agreement.filter(key: old.agreementId).select(Agreement.Columns.caseId, as: Int64.self).fetchOne(db) == caseId else {
                    throw UsageError("review.notOpenGoal", ["goal": .number(goalId), "case": .number(caseId)])
                }
                var goal = old
                var review = GoalReview(goalId: goalId, reviewedOn: date, result: .open)
                switch decision {
                case .achieved(let value):
                    goal.status = .achieved
                    goal.statusOn = date
                    review.result = .achieved
                    if let kind = templates[goal.template]?.outcome {
                        if let problem = vocabulary.problem(module: goal.module, kind: kind, value: value) { throw UsageError(problem) }
                        let persons = try goal.personId.map { [$0] } ?? HouseholdMember.persons(in: oldCase.householdId, on: date).fetchAll(db)
                        for person in persons {
                            var outcome = Outcome(personId: person, caseId: caseId, module: goal.module, kind: kind,
                                                  value: kind == "level_reached" ? value?.uppercased() : value, date: date)
                            try outcome.insert(db)
                            try audit.created(outcome, id: outcome.id, caseId: caseId)
                            outcomes.append(outcome)
                        }
                    }
                case .dropped(let reason):
                    goal.status = .dropped
                    goal.statusOn = date
                    goal.note = reason
                    review.result = .dropped
                    review.note = reason
                case .continued(let due):
                    guard due >= date else { throw UsageError("review.dueBeforeReview", ["due": .date(due), "date": .date(date)]) }
                    goal.dueOn = due
                    review.newDueOn = due
                }
                try goal.update(db)
                try audit.updated(from: old, to: goal, id: goalId, caseId: caseId)
                try GoalChange.record(goal, on: date, audit, caseId: caseId)
                try review.insert(db)
                try audit.created(review, id: review.id, caseId: caseId)
                if !topics.contains(goal.module) { topics.append(goal.module) }
            }
            var conversation = Conversation(caseId: caseId, date: date, kind: oldCase.kind == .family ? .family : .individual,
                                            topics: topics, note: nil, staffId: oldCase.staffId)
            try conversation.insert(db)
            try audit.created(conversation, id: conversation.id, caseId: caseId)
            var newCase = oldCase
            newCase.nextReviewOn = nextReviewOn
            try newCase.update(db)
            try audit.updated(from: oldCase, to: newCase, id: caseId, caseId: caseId)
            try ScheduledReview.schedule(caseId, next: nextReviewOn, on: date, held: true, audit)
            return ReviewResult(reviewed: decisions.count, outcomes: outcomes, conversationId: conversation.id!, nextReviewOn: nextReviewOn)
        }
    }
}
