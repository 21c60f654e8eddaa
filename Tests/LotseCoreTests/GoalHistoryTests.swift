import Foundation
import GRDB
@testable import LotseCore
import PluginKit
import Testing

/// Goals and reviews as they stood on a date: decisions and new due dates before, inside
/// and after the period, and review dates held, missed and moved.
@Suite struct GoalHistoryTests {
    let store: CaseStore
    let template = TestStore.vocabulary.templates["language"]!["language.enrol_course"]!
    let date = TestStore.date

    init() throws {
        store = try TestStore.make()
        _ = try store.addMunicipality(name: "Stadt Aalen", kind: .city, fte: 1)
    }

    func agreement(on signed: String, dues: [String]) throws -> (caseId: Int64, goals: [Int64]) {
        let opened = try store.newCase(kind: .individual, municipality: "Stadt Aalen", staff: nil,
                                       person: TestStore.person("Haddad", "Amal", born: "1985"), open: true, on: date("2018-01-02"))
        let caseId = opened.caseFile.id!
        let goals = dues.map { NewGoal(template: template, module: "language", personId: opened.personId, title: "Kurs", dueOn: date($0), responsible: .client) }
        let agreement = try store.saveAgreement(caseId, signedOn: date(signed), goals: goals)
        let ids = try store.database.read { try Goal.ofAgreement(agreement.id).fetchAll($0).map { $0.id! } }
        return (caseId, ids)
    }

    func review(_ caseId: Int64, on day: String, _ decisions: [Int64: GoalDecision], next: String) throws {
        _ = try store.recordReview(caseId, on: date(day), decisions: decisions, templates: TestStore.vocabulary.templates["language"]!, nextReviewOn: date(next))
    }

    func figures(from: String, asOf: String) throws -> [String: ReportValue] {
        let report = try ReportBuilder(store: store, modules: [], deployment: Deployment()).build(ReportQuery(asOf: date(asOf), from: date(from)))
        #expect(report.goalsByModule["language"]?["core.goals_agreed"] == report.metrics["core.goals_agreed"], "one module: its figures are the total")
        return report.metrics.filter { $0.key.contains("goal") || $0.key.contains("review") }
    }

    @Test func aReportSeesEachGoalAndReviewAsItStoodOnItsDate() throws {
        // Case 1 agreed before the period: A achieved before it, C continued in it.
        let (first, firstGoals) = try agreement(on: "2018-03-01", dues: ["2018-04-15", "2018-06-15"])
        let (a, c) = (firstGoals[0], firstGoals[1])
        _ = try store.editCase(first, CaseStore.CaseChanges(nextReviewOn: date("2018-05-01")), on: date("2018-03-01"))
        try review(first, on: "2018-05-01", [a: .achieved(outcomeValue: nil)], next: "2018-06-20")
        try review(first, on: "2018-07-01", [c: .continued(newDueOn: date("2018-12-31"))], next: "2018-09-15")  // 11 days late: on time
        _ = try store.editCase(first, CaseStore.CaseChanges(nextReviewOn: date("2018-10-01")), on: date("2018-09-01"))  // moved before due
        // Case 2 agreed in the period: B achieved in it at a review on time, D dropped after
        // it at a review held late.
        let (second, secondGoals) = try agreement(on: "2018-06-10", dues: ["2018-07-30", "2018-08-01"])
        let (b, d) = (secondGoals[0], secondGoals[1])
        _ = try store.editCase(second, CaseStore.CaseChanges(nextReviewOn: date("2018-07-01")), on: date("2018-06-10"))
        try review(second, on: "2018-07-01", [b: .achieved(outcomeValue: nil)], next: "2018-08-01")
        try review(second, on: "2018-10-15", [d: .dropped(reason: "no course")], next: "2019-01-15")

        #expect(try figures(from: "2018-06-01", asOf: "2018-09-30") == [
            "core.goals_agreed": .count(2),       // B and D
            "core.goals_achieved": .count(1),     // B (A was before the period)
            "core.goals_dropped": .count(0),      // D only after it
            "core.goals_overdue": .count(1),      // D, due 1 August; C's due date had moved to December
            "core.goal_attainment_percent": .percent(50),
            "core.reviews_due": .count(3),        // case 1 on 20 June (held 1 July), case 2 on 1 July (held) and 1 August (missed)
            "core.reviews_on_time": .count(2),
        ])
        // On 30 June C was still due on 15 June: overdue then.
        let june = try figures(from: "2018-06-01", asOf: "2018-06-30")
        #expect(june["core.goals_overdue"] == .count(1) && june["core.goals_achieved"] == .count(0))
        #expect(june["core.goal_attainment_percent"] == .percent(0))
        #expect(june["core.reviews_due"] == .count(1) && june["core.reviews_on_time"] == .count(0), "the 20 June review was not yet held")
        let year = try figures(from: "2018-06-01", asOf: "2018-12-31")
        #expect(year["core.goals_dropped"] == .count(1) && year["core.goals_overdue"] == .count(0) && year["core.goal_attainment_percent"] == .percent(50))
        // Before any goal was decided or due, there is no attainment to speak of.
        #expect(try figures(from: "2018-01-01", asOf: "2018-03-31")["core.goal_attainment_percent"] == nil)
    }

    @Test func historyBeforeTheMigrationIsWhatTheGoalRowsImply() throws {
        let (_, goals) = try agreement(on: "2018-03-01", dues: ["2018-04-15"])
        try store.database.write { db in
            try db.execute(sql: "DELETE FROM goalChange; UPDATE goal SET status = 'achieved', statusOn = '2018-05-01'")
            try GoalChange.recordMissing(db)
        }
        let history = try store.database.read { try GoalChange.ofGoal(goals[0]).fetchAll($0) }
        #expect(history.map(\.status) == [.open, .achieved] && history.map(\.changedOn) == [date("2018-03-01"), date("2018-05-01")])
    }
}
