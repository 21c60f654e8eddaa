import Foundation
import LotseCore
import PluginKit

/// `lotse review CASE`: walks the open goals (achieved, dropped with a reason, or
/// continued with a new due date), then saves the review in one transaction.
struct ReviewDialog {
    let session: Session
    let caseId: Int64
    let date: LocalDate
    let prompter: any Prompter

    private var texts: IntakeTexts { IntakeTexts(catalog: session.context.catalog) }

    func run() throws {
        let goals = try session.store.openGoals(caseId)
        guard !goals.isEmpty else { return prompter.say(texts.core("review.none", ["case": String(caseId)])) }
        let templates = Dictionary(builtinModules.modules.flatMap(\.goalTemplates).map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var decisions: [Int64: GoalDecision] = [:]
        prompter.say(texts.core("review.decision"))
        for open in goals {
            let goal = open.goal
            prompter.say("\n" + texts.core("review.goal", ["title": goal.title, "person": open.personName.map { " (\($0))" } ?? "", "due": texts.date(goal.dueOn)]))
            guard let decision = try decide(goal, template: templates[goal.template]) else { return prompter.say(texts.core("review.nothing")) }
            if let decision { decisions[goal.id!] = decision }
        }
        guard !decisions.isEmpty else { return prompter.say(texts.core("review.nothing")) }
        let remaining = goals.filter { open in
            switch decisions[open.goal.id!] { case .achieved?, .dropped?: false; default: true }
        }
        let suggested = remaining.compactMap { templates[$0.goal.template]?.reviewEveryMonths }.min().map { date.adding(months: $0) }
        var next = suggested
        while true {
            guard case .line(let line) = prompter.ask(texts.core("review.nextReview", ["value": suggested.map(texts.date) ?? "–"]) + " ", completions: []) else {
                return prompter.say(texts.core("review.nothing"))
            }
            let text = line.trimmingCharacters(in: .whitespaces)
            if text.isEmpty { break }
            if let parsed = LocalDate(parsing: text), parsed > date { next = parsed; break }
            prompter.say(texts.core("validation.notADate"))
        }
        let result = try session.store.recordReview(caseId, on: date, decisions: decisions, templates: templates, nextReviewOn: next)
        prompter.say(texts.core("review.saved", ["count": String(result.reviewed), "outcomes": String(result.outcomes.count),
                                                 "conversation": String(result.conversationId), "next": result.nextReviewOn.map(texts.date) ?? "–"]))
    }

    /// One goal's decision: nil-wrapped when left for later; nil when input ended.
    private func decide(_ goal: Goal, template: GoalTemplate?) throws -> GoalDecision?? {
        while true {
            guard case .line(let line) = prompter.ask("", completions: ["e", "a", "w", "d", "c"]) else { return nil }
            switch line.trimmingCharacters(in: .whitespaces).lowercased() {
            case "": return .some(nil)
            case "e", "erreicht", "achieved":
                var value: String?
                if template?.outcome == "level_reached" {
                    while value == nil {
                        guard case .line(let level) = prompter.ask(texts.core("review.level") + " ", completions: CEFRLevel.allCases.map(\.rawValue)) else { return nil }
                        value = CEFRLevel(rawValue: level.trimmingCharacters(in: .whitespaces).uppercased())?.rawValue
                    }
                }
                return .some(.achieved(outcomeValue: value))
            case "a", "d", "aufgegeben", "dropped":
                guard case .line(let reason) = prompter.ask(texts.core("review.reason") + " ", completions: []) else { return nil }
                return .some(.dropped(reason: reason.trimmingCharacters(in: .whitespaces)))
            case "w", "c", "weiter", "continue":
                while true {
                    guard case .line(let due) = prompter.ask(texts.core("review.newDue") + " ", completions: []) else { return nil }
                    if let parsed = LocalDate(parsing: due.trimmingCharacters(in: .whitespaces)), parsed >= date { return .some(.continued(newDueOn: parsed)) }
                    prompter.say(texts.core("validation.notADate"))
                }
            default:
                prompter.say(texts.core("review.invalid"))
            }
        }
    }
}
