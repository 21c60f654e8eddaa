import GRDB
import PluginKit

/// Goals and reviews in the period, per municipality and module, each goal as its
/// history (`goalChange`) shows it on the as-of date.
extension CoreQueries {
    /// municipality id → module → count.
    typealias ByModule = [Int64: [String: Int]]

    struct GoalCounts {
        var agreed: ByModule = [:], achieved: ByModule = [:], dropped: ByModule = [:], overdue: ByModule = [:]

        /// The goal figures of a municipality (nil: all) and a module (nil: all); the
        /// attainment is achieved ÷ (achieved + dropped + overdue), absent when that is 0.
        func figures(municipality: Int64?, module: String?) -> [String: ReportValue] {
            func sum(_ counts: ByModule) -> Int {
                counts.filter { municipality == nil || $0.key == municipality }.values
                    .flatMap { $0.filter { module == nil || $0.key == module }.values }.reduce(0, +)
            }
            let achieved = sum(self.achieved), dropped = sum(self.dropped), overdue = sum(self.overdue)
            var figures: [String: ReportValue] = ["core.goals_agreed": .count(sum(agreed)), "core.goals_achieved": .count(achieved),
                                                  "core.goals_dropped": .count(dropped), "core.goals_overdue": .count(overdue)]
            figures["core.goal_attainment_percent"] = ReportValue.percent(achieved, of: achieved + dropped + overdue)
            return figures
        }

        /// The goal figures per module that has any, of a municipality (nil: all).
        func byModule(municipality: Int64?) -> [String: [String: ReportValue]] {
            let modules = Set([agreed, achieved, dropped, overdue].flatMap { counts in
                counts.filter { municipality == nil || $0.key == municipality }.values.flatMap(\.keys)
            })
            return Dictionary(uniqueKeysWithValues: modules.map { ($0, figures(municipality: municipality, module: $0)) })
        }
    }

    func goals(_ db: Database) throws -> GoalCounts {
        let cases = "JOIN agreement a ON a.id = g.agreementId JOIN caseFile c ON c.id = a.caseId"
        var counts = GoalCounts()
        counts.agreed = try byModule("FROM goal g \(cases) WHERE a.signedOn \(period) \(origin("a")) \(inMunicipality)", db)
        // A goal is achieved or dropped once: its change to that status is in the period.
        for row in try Row.fetchAll(db, sql: """
            SELECT c.municipalityId AS municipality, g.module AS module, h.status AS status, count(*) AS n
              FROM goalChange h JOIN goal g ON g.id = h.goalId \(cases)
             WHERE h.status IN ('achieved', 'dropped') AND h.changedOn \(period) \(origin("a")) \(inMunicipality)
             GROUP BY 1, 2, 3
            """, arguments: compiler.baseArguments) {
            let status: String = row["status"]
            if status == "achieved" { counts.achieved[row["municipality"], default: [:]][row["module"]] = row["n"] } else {
                counts.dropped[row["municipality"], default: [:]][row["module"]] = row["n"]
            }
        }
        // Still open on the date, due before it (its due date as it stood then), in a case
        // active on the date.
        counts.overdue = try byModule("""
            FROM goal g \(cases)
            JOIN goalChange h ON h.id = (SELECT l.id FROM goalChange l WHERE l.goalId = g.id AND l.changedOn <= :asOf ORDER BY l.changedOn DESC, l.id DESC LIMIT 1)
            WHERE c.openedOn <= :asOf AND (c.closedOn IS NULL OR c.closedOn > :asOf) AND a.signedOn <= :asOf
              AND h.status = 'open' AND h.dueOn < :asOf \(origin("a")) \(inMunicipality)
            """, db)
        return counts
    }

    /// Review dates due in the period (not moved before they were due, the case not closed
    /// before), and those held within 14 days of the date.
    func reviews(_ db: Database) throws -> (due: Counts, onTime: Counts) {
        let rows = try Row.fetchAll(db, sql: """
            SELECT c.municipalityId AS municipality, count(*) AS due,
                   sum(r.heldOn IS NOT NULL AND r.heldOn <= :asOf AND abs(julianday(r.heldOn) - julianday(r.dueOn)) <= 14) AS onTime
              FROM scheduledReview r JOIN caseFile c ON c.id = r.caseId
             WHERE r.dueOn \(period) AND r.scheduledOn <= :asOf AND (r.movedOn IS NULL OR r.movedOn > r.dueOn)
               AND (c.closedOn IS NULL OR c.closedOn >= r.dueOn) \(inMunicipality)
             GROUP BY 1
            """, arguments: compiler.baseArguments)
        var due: [Int64: Int] = [:], onTime: [Int64: Int] = [:]
        for row in rows {
            due[row["municipality"]] = row["due"]
            onTime[row["municipality"]] = row["onTime"]
        }
        return ((due.values.reduce(0, +), due), (onTime.values.reduce(0, +), onTime))
    }

    /// The templates of goals achieved in the period, most often achieved first.
    func achievedTemplates(_ db: Database) throws -> [ProfileReport.AchievedTemplate] {
        try Row.fetchAll(db, sql: """
            SELECT g.module AS module, g.template AS template, count(*) AS n
              FROM goalChange h JOIN goal g ON g.id = h.goalId JOIN agreement a ON a.id = g.agreementId JOIN caseFile c ON c.id = a.caseId
             WHERE h.status = 'achieved' AND h.changedOn \(period) \(origin("a")) \(inMunicipality)
             GROUP BY 1, 2 ORDER BY n DESC, g.template
            """, arguments: compiler.baseArguments).map { ProfileReport.AchievedTemplate(module: $0["module"], template: $0["template"], count: $0["n"]) }
    }

    private func byModule(_ from: String, _ db: Database) throws -> ByModule {
        var counts: ByModule = [:]
        for row in try Row.fetchAll(db, sql: "SELECT c.municipalityId AS municipality, g.module AS module, count(*) AS n \(from) GROUP BY 1, 2",
                                    arguments: compiler.baseArguments) {
            counts[row["municipality"], default: [:]][row["module"]] = row["n"]
        }
        return counts
    }
}
