import Foundation
import LotseCore
import PluginKit

/// The guided intake: walks the enabled modules' questions for a household, saving
/// every answer as it is given, then agrees goals (`AgreementDialog`).
struct IntakeInterview {
    let session: Session
    let caseId: Int64
    let date: LocalDate
    let prompter: any Prompter
    /// Answers to fill in before asking, from `--answers FILE.json`.
    let prefilled: PrefilledAnswers?

    private var store: CaseStore { session.store }
    private var texts: IntakeTexts { IntakeTexts(catalog: session.context.catalog) }

    /// Returns false when the intake was paused.
    func run() throws -> Bool {
        let persons = try store.intakePersons(caseId, on: date)
        let plan = IntakePlan(modules: session.context.configuration.modules.map(\.module), persons: persons)
        var (answers, position, _) = try store.intakeState(caseId, plan: plan)
        if let prefilled { try prefilled.apply(to: &answers, plan: plan, store: store, caseId: caseId) }
        let given = prefilled?.keys ?? []
        /// The next step to ask: pre-filled answers are not asked again.
        func next(after step: IntakeStep?) -> IntakeStep? {
            var candidate = plan.next(after: step, answers)
            while let found = candidate, given.contains(found.key) { candidate = plan.next(after: found, answers) }
            return candidate
        }
        var current = position.flatMap { key in plan.steps.first { $0.key == key } }
        if position == nil || current == nil {
            current = plan.steps.first { plan.applies($0, answers) && answers.answer($0) == nil } ?? nil
            let untouched = answers == IntakeAnswersState()
            prompter.say(untouched ? texts.core("intake.start", ["case": String(caseId), "persons": persons.map(\.name).joined(separator: ", ")])
                                   : texts.core("intake.resume", ["case": String(caseId)]))
        } else {
            prompter.say(texts.core("intake.resume", ["case": String(caseId)]))
        }
        prompter.say(texts.core("intake.controls"))
        if plan.steps.isEmpty { prompter.say(texts.core("intake.noQuestions")) }
        while let step = current {
            switch ask(step, plan: plan, answers: answers) {
            case .pause:
                try store.setIntakePosition(caseId, step)
                prompter.say(texts.core("intake.paused", ["case": String(caseId)]))
                return false
            case .again:
                continue
            case .back:
                if let previous = plan.previous(before: step, answers) { current = previous } else { prompter.say(texts.core("intake.atStart")) }
                try store.setIntakePosition(caseId, current)
            case .skip, .keep:
                current = next(after: step)
                try store.setIntakePosition(caseId, current)
            case .answer(let value):
                answers.set(value, for: step)
                current = next(after: step)
                try store.saveAnswer(caseId, step: step, value: value, next: current)
            }
        }
        try store.setIntakePosition(caseId, nil)
        return try AgreementDialog(session: session, caseId: caseId, date: date, prompter: prompter, plan: plan,
                                   answers: plan.applicableAnswers(answers)).run()
    }

    enum Reply {
        case answer(AnswerValue), keep, back, skip, pause, again
    }

    /// Asks one question until it gets a valid reply.
    private func ask(_ step: IntakeStep, plan: IntakePlan, answers: IntakeAnswersState) -> Reply {
        let question = plan.question(step)
        let person = plan.person(step)
        let progress = plan.progress(of: step, answers)
        let header = texts.core("intake.header", ["module": texts.moduleTitle(step.module), "number": String(progress.number),
                                                  "count": String(progress.count), "person": person.map { " · \($0.name)" } ?? ""])
        prompter.say("")
        prompter.say(Console.bold(header) + " " + texts.prompt(question, module: step.module, person: person))
        let choices = question.type.choices
        for (index, key) in choices.enumerated() { prompter.say("  \(index + 1) \(texts.choice(question, module: step.module, key)) [\(key)]") }
        var hints: [String] = [question.id]
        switch question.type {
        case .yesNo: hints.append(texts.core("intake.yesNo"))
        case .number(let range): hints.append("\(range.lowerBound)–\(range.upperBound)")
        case .cefrLevel: hints.append("A1–C2")
        default: break
        }
        if question.isOptional { hints.append(texts.core("intake.optionalHint")) }
        let existing = answers.answer(step)
        if let existing { hints.append(texts.core("intake.current", ["value": texts.label(existing, question, module: step.module)])) }
        prompter.say(Console.dim("  (" + hints.joined(separator: " · ") + ")"))
        let completions = choices + ["?", "back", "skip", "pause"] + (question.type == .yesNo ? ["ja", "nein", "yes", "no"] : [])
        while true {
            switch prompter.ask("", completions: completions) {
            case .endOfInput: return .pause
            case .interrupted, .timedOut: continue
            case .line(let raw):
                let line = raw.trimmingCharacters(in: .whitespaces)
                switch line.lowercased() {
                case "?", "hilfe", "help":
                    let help = texts.help(question, module: step.module)
                    prompter.say(help.isEmpty ? texts.core("intake.noHelp") : help)
                case "back", "zurück": return .back
                case "pause": return .pause
                case "skip":
                    if question.isOptional { return .skip }
                    prompter.say(texts.core("intake.notOptional"))
                case "" where existing != nil: return .keep
                default:
                    switch question.type.parse(line) {
                    case .success(let value): return .answer(value)
                    case .failure(let error): prompter.say(texts.problem(error))
                    }
                }
            }
        }
    }
}

/// `--answers FILE.json`: `{"household": {"housing.current": "own_flat"},
/// "persons": {"12": {"language.in_course": "ja"}}}` — values as one would type them.
struct PrefilledAnswers: Decodable {
    var household: [String: String]
    var persons: [String: [String: String]]

    enum CodingKeys: String, CodingKey { case household, persons }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        household = try container.decodeIfPresent([String: String].self, forKey: .household) ?? [:]
        persons = try container.decodeIfPresent([String: [String: String]].self, forKey: .persons) ?? [:]
    }

    /// The steps the file answers: the interview does not ask them.
    var keys: Set<String> {
        Set(household.keys).union(persons.flatMap { person, values in values.keys.map { "\($0)@\(person)" } })
    }

    static func load(_ path: String) throws -> PrefilledAnswers {
        let data = try UserRights.read(path, limit: 1 << 20)
        do { return try JSONDecoder().decode(PrefilledAnswers.self, from: data) } catch {
            throw UsageError("intake.answersFile", ["path": .text(path)])
        }
    }

    /// Validates and saves every pre-filled answer the plan knows; a bad one stops
    /// with the question it belongs to.
    func apply(to answers: inout IntakeAnswersState, plan: IntakePlan, store: CaseStore, caseId: Int64) throws {
        var given: [(IntakeStep, String)] = household.map { (IntakeStep(module: Self.module($0.key), question: $0.key, personId: nil), $0.value) }
        for (person, values) in persons {
            guard let id = Int64(person), plan.persons.contains(where: { $0.id == id }) else {
                throw UsageError("intake.answersPerson", ["person": .text(person), "case": .number(caseId)])
            }
            given += values.map { (IntakeStep(module: Self.module($0.key), question: $0.key, personId: id), $0.value) }
        }
        for (step, input) in given.sorted(by: { (plan.index(of: $0.0) ?? 0) < (plan.index(of: $1.0) ?? 0) }) {
            guard plan.index(of: step) != nil else { throw UsageError("intake.answersQuestion", ["question": .text(step.key)]) }
            switch plan.question(step).type.parse(input) {
            case .success(let value):
                answers.set(value, for: step)
                try store.saveAnswer(caseId, step: step, value: value, next: nil)
            case .failure(let error):
                throw UsageError("intake.answersValue", ["question": .text(step.key), "value": .text(input), "problem": .text(IntakeTexts(catalog: Console.catalog).problem(error))])
            }
        }
    }

    private static func module(_ question: String) -> String { String(question.prefix { $0 != "." }) }
}
