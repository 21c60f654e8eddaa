import Foundation
import LotseCore
import PluginKit

/// The end of an intake: a summary of the answers, the modules' suggested goals one by
/// one (accept, edit or decline), goals from any template, then the agreement saved in
/// one transaction.
struct AgreementDialog {
    let session: Session
    let caseId: Int64
    let date: LocalDate
    let prompter: any Prompter
    let plan: IntakePlan
    let answers: IntakeAnswersState

    private var texts: IntakeTexts { IntakeTexts(catalog: session.context.catalog) }
    private var catalog: Catalog { session.context.catalog }

    /// Returns false when paused before the agreement was saved. Each decision is saved
    /// as it is made; a resumed intake asks only the goals not decided yet.
    func run() throws -> Bool {
        summary()
        var decisions = try session.store.goalDecisions(caseId)
        let suggestions = session.context.configuration.modules.flatMap { enabled in
            enabled.module.suggestedGoals(for: plan.intakeAnswers(answers), settings: enabled.settings).compactMap { suggestion in
                enabled.module.goalTemplate(suggestion.template).map { goal($0, module: enabled.module.id, personId: suggestion.person.flatMap { Int64($0.id) }) }
            }
        }.filter { proposed in !decisions.contains { $0.decides(module: proposed.module, template: proposed.template.id, personId: proposed.personId) } }
        if !decisions.isEmpty { prompter.say(catalog.render(Message("intake.goalsResumed", ["count": .number(decisions.count)]))) }
        if !suggestions.isEmpty { prompter.say("\n" + Console.bold(texts.core("intake.goals"))) }
        var acceptAll = false
        for proposed in suggestions {
            let decision: ProposedGoal
            if acceptAll {
                say(proposed)
                decision = ProposedGoal(proposed, suggested: true, accepted: true)
            } else {
                guard let decided = try decide(proposed) else { return paused() }
                if decided.all { acceptAll = true }
                decision = ProposedGoal(decided.goal ?? proposed, suggested: true, accepted: decided.goal != nil)
            }
            try session.store.saveGoalDecision(caseId, decision)
            decisions.append(decision)
        }
        while true {
            let templates = session.context.configuration.modules.flatMap { enabled in enabled.module.goalTemplates.map { (enabled.module.id, $0) } }
            prompter.say("\n" + texts.core("intake.addGoal"))
            for (index, (module, template)) in templates.enumerated() {
                prompter.say("  \(index + 1) \(catalog.text(module, template.titleKey)) (\(texts.moduleTitle(module)))")
            }
            guard case .line(let line) = prompter.ask("", completions: []) else { return paused() }
            let choice = line.trimmingCharacters(in: .whitespaces)
            if choice.isEmpty { break }
            guard let picked = Int(choice).flatMap({ templates.indices.contains($0 - 1) ? templates[$0 - 1] : nil }) else { continue }
            guard let personId = try person(for: picked.1) else { return paused() }
            guard let decided = try decide(goal(picked.1, module: picked.0, personId: personId)) else { return paused() }
            if let goal = decided.goal {
                let decision = ProposedGoal(goal, suggested: false, accepted: true)
                try session.store.saveGoalDecision(caseId, decision)
                decisions.append(decision)
            }
        }
        let goals = decisions.compactMap { $0.goal(session.store.vocabulary) }
        guard !goals.isEmpty else {
            prompter.say(texts.core("intake.noGoals"))
            return true
        }
        // Whoever interpreted signs too.
        guard case .line(let interpreter) = prompter.ask(texts.core("intake.interpreter") + " ", completions: []) else { return paused() }
        let agreement = try session.store.saveAgreement(caseId, signedOn: date, goals: goals, interpreter: interpreter)
        prompter.say(catalog.render(Message("intake.saved", ["agreement": .number(agreement.id!), "count": .number(goals.count)])))
        return true
    }

    private func paused() -> Bool {
        prompter.say(texts.core("intake.goalsPaused", ["case": String(caseId)]))
        return false
    }

    private func summary() {
        prompter.say("\n" + Console.bold(texts.core("intake.summary")))
        for module in plan.modules {
            let lines = plan.steps.filter { $0.module == module.id }.compactMap { step -> String? in
                guard let value = answers.answer(step) else { return nil }
                let who = plan.person(step)?.name ?? texts.core("intake.household")
                return "  \(who): \(texts.prompt(plan.question(step), module: module.id, person: plan.person(step))) → \(texts.label(value, plan.question(step), module: module.id))"
            }
            guard !lines.isEmpty else { continue }
            prompter.say(texts.moduleTitle(module.id))
            lines.forEach(prompter.say)
        }
    }

    private func goal(_ template: GoalTemplate, module: String, personId: Int64?) -> NewGoal {
        NewGoal(template: template, module: module, personId: personId, title: catalog.text(module, template.titleKey),
                dueOn: date.adding(months: template.dueAfterMonths), responsible: template.responsible)
    }

    private func say(_ goal: NewGoal) {
        let name = goal.personId.flatMap { id in plan.persons.first { $0.id == id }?.name }
        prompter.say(texts.core("intake.goalLine", ["title": goal.title, "person": name.map { " (\($0))" } ?? "", "due": texts.date(goal.dueOn),
                                                    "responsible": texts.core("responsible.\(goal.responsible.rawValue)")]))
    }

    /// Accept, edit or decline one goal (or accept it and all that follow); nil when the
    /// user paused.
    private func decide(_ proposed: NewGoal) throws -> (goal: NewGoal?, all: Bool)? {
        var goal = proposed
        say(goal)
        while true {
            let allowed: [IntakeTexts.Keyword] = [.accept, .decline, .edit, .acceptAll]
            guard case .line(let line) = prompter.ask(texts.core("intake.goalDecision") + " ", completions: texts.completions(allowed)) else { return nil }
            switch line.trimmingCharacters(in: .whitespaces).isEmpty ? .accept : texts.keyword(line, among: allowed) {
            case .accept: return (goal, false)
            case .acceptAll: return (goal, true)
            case .decline: return (nil, false)
            case .edit:
                guard case .line(let title) = prompter.ask(texts.core("intake.editTitle", ["value": goal.title]) + " ", completions: []) else { return nil }
                if !title.trimmingCharacters(in: .whitespaces).isEmpty { goal.title = title.trimmingCharacters(in: .whitespaces) }
                while true {
                    guard case .line(let due) = prompter.ask(texts.core("intake.editDue", ["value": texts.date(goal.dueOn)]) + " ", completions: []) else { return nil }
                    if due.trimmingCharacters(in: .whitespaces).isEmpty { break }
                    if let parsed = LocalDate(parsing: due.trimmingCharacters(in: .whitespaces)), parsed >= date { goal.dueOn = parsed; break }
                    prompter.say(texts.core("intake.dueNotPast", ["today": texts.date(date)]))
                }
                guard case .line(let who) = prompter.ask(texts.core("intake.editResponsible", ["value": texts.core("responsible.\(goal.responsible.rawValue)")]) + " ",
                                                          completions: ["1", "2", "3"]) else { return nil }
                if let number = Int(who.trimmingCharacters(in: .whitespaces)), (1...3).contains(number) {
                    goal.responsible = ResponsibleParty.allCases[number - 1]
                }
                return (goal, false)
            default:
                prompter.say(texts.core("intake.goalDecisionInvalid"))
            }
        }
    }

    /// The person a template's goal is for: nil-wrapped for the household, or asked.
    private func person(for template: GoalTemplate) throws -> Int64?? {
        guard template.scope != .household else { return .some(nil) }
        let candidates = plan.persons.filter { $0.scope == template.scope }
        guard !candidates.isEmpty else { return .some(nil) }
        if candidates.count == 1 { return .some(candidates[0].id) }
        prompter.say(texts.core("intake.forWhom"))
        for (index, person) in candidates.enumerated() { prompter.say("  \(index + 1) \(person.name)") }
        while true {
            guard case .line(let line) = prompter.ask("", completions: []) else { return nil }
            if let number = Int(line.trimmingCharacters(in: .whitespaces)), candidates.indices.contains(number - 1) { return .some(candidates[number - 1].id) }
        }
    }
}
