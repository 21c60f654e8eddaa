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
    private var catalog: Catalog { session.context.catalog }

    /// Returns false when the intake was paused.
    func run() throws -> Bool {
        guard try admitIfWaiting() else { return false }
        var flow = try IntakeFlow(store: store, caseId: caseId, modules: session.context.configuration.modules.map(\.module), on: date,
                                  prefilled: prefilled)
        let plan = flow.plan
        prompter.say(flow.resumed ? texts.core("intake.resume", ["case": String(caseId)])
                                  : texts.core("intake.start", ["case": String(caseId), "persons": plan.persons.map(\.name).joined(separator: ", ")]))
        prompter.say(texts.core("intake.controls"))
        if plan.steps.isEmpty { prompter.say(texts.core("intake.noQuestions")) }
        while let step = flow.current {
            switch ask(step, plan: plan, answers: flow.answers) {
            case .pause:
                try flow.pause()
                prompter.say(texts.core("intake.paused", ["case": String(caseId)]))
                return false
            case .reply(let reply):
                if try !flow.reply(reply) { prompter.say(texts.core("intake.atStart")) }
            }
        }
        try store.setIntakeAtGoals(caseId)
        var countries: [Int64: String] = [:]
        guard try askCountries(plan.persons, entered: &countries), try askLanguages(plan.persons, countries: countries) else {
            prompter.say(texts.core("intake.paused", ["case": String(caseId)]))
            return false
        }
        return try AgreementDialog(session: session, caseId: caseId, date: date, prompter: prompter, plan: plan,
                                   answers: flow.applicableAnswers).run()
    }

    /// A waiting case is taken into care before its intake, with the user who runs it
    /// responsible, once the user agrees (and the municipality has places).
    private func admitIfWaiting() throws -> Bool {
        guard try store.intakeStatus(caseId) == .waiting else { return true }
        let allowed: [IntakeTexts.Keyword] = [.accept, .decline]
        prompter.say(texts.core("intake.waiting", ["case": String(caseId)]))
        var decision: IntakeTexts.Keyword?
        repeat {
            guard case .line(let line) = prompter.ask(texts.core("intake.admit") + " ", completions: texts.completions(allowed)) else { break }
            decision = texts.keyword(line, among: allowed)
        } while decision == nil
        guard decision == .accept else {
            prompter.say(texts.core("intake.notAdmitted", ["case": String(caseId)]))
            return false
        }
        let responsible = try store.admitForIntake(caseId, personsPerFTE: session.context.configuration.deployment.personsPerFTE, on: date)
        prompter.say(catalog.render(Message("intake.admitted", ["case": .number(caseId), "date": .date(date), "staff": .text(responsible)])))
        return true
    }

    enum Reply {
        case reply(IntakeFlow.Reply), pause
    }

    /// Asks each person's country of origin where it is not known yet, saving each at
    /// once; an empty line leaves it unknown. Returns false when the intake was paused.
    private func askCountries(_ persons: [IntakePerson], entered: inout [Int64: String]) throws -> Bool {
        for person in persons where person.country == nil {
            prompter.say("")
            prompter.say(Console.bold(texts.core("intake.countryHeader", ["person": person.name])) + " " + texts.core("intake.country"))
            prompter.say(Console.dim("  (" + texts.core("intake.countryHint") + ")"))
            asking: while true {
                switch prompter.ask("", completions: texts.completions([.pause])) {
                case .endOfInput: return false
                case .interrupted, .timedOut: continue
                case .line(let raw):
                    let line = raw.trimmingCharacters(in: .whitespaces)
                    if line.isEmpty { break asking }
                    if texts.keyword(line, among: [.pause]) != nil { return false }
                    // A code, or a country's name as this language writes it.
                    let code = store.vocabulary.personCodes.country(line)
                        ?? store.vocabulary.personCodes.countries.first { catalog.text("core", "country.\($0)").caseInsensitiveCompare(line) == .orderedSame }
                    do {
                        try store.correctPerson(person.id, country: code ?? line)
                        entered[person.id] = code
                        break asking
                    } catch let error as UsageError {
                        prompter.say(catalog.render(error.message))
                    }
                }
            }
        }
        return true
    }

    /// Asks each adult's languages where they are not known yet, offering those usual in
    /// the country of origin, and whether the person needs an interpreter (unless the
    /// first is German); each saved at once, an empty line leaves it unknown. Returns
    /// false when the intake was paused.
    private func askLanguages(_ persons: [IntakePerson], countries: [Int64: String]) throws -> Bool {
        let codes = store.vocabulary.personCodes
        let names = try session.context.languageNames()
        for person in persons where person.scope == .adult && person.languages.isEmpty {
            prompter.say("")
            prompter.say(Console.bold(texts.core("intake.countryHeader", ["person": person.name])) + " " + texts.core("intake.languages", ["person": person.name]))
            let country = countries[person.id] ?? person.country
            let usual = country.flatMap { codes.countryLanguages[$0] } ?? []
            let hint = if let country, !usual.isEmpty {
                catalog.render(Message("intake.languagesUsual", ["country": .label("country.\(country)"), "languages": .list(usual.map { .label("lang.\($0)") })]))
            } else { texts.core("intake.languagesHint") }
            prompter.say(Console.dim("  (" + hint + ")"))
            var first: String?
            switch prompter.ask("", completions: texts.completions([.pause]) + usual.map { catalog.render(Message("lang.\($0)")) }) {
            case .endOfInput: return false
            case .interrupted, .timedOut: continue
            case .line(let raw):
                let line = raw.trimmingCharacters(in: .whitespaces)
                if line.isEmpty { continue }
                if texts.keyword(line, among: [.pause]) != nil { return false }
                try store.correctPerson(person.id, languages: line, names: names)
                first = names.code(line).codes.first
            }
            guard let first, first != "de" else { continue }
            guard case .line(let answer) = prompter.ask(texts.core("intake.interpreterNeeded", ["person": person.name]) + " ",
                                                         completions: texts.completions([.accept, .decline])) else { return false }
            if let needed = texts.keyword(answer, among: [.accept, .decline]) {
                try store.correctPerson(person.id) { $0.interpreterNeeded = needed == .accept }
            }
        }
        return true
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
        for (index, key) in choices.enumerated() { prompter.say("  \(index + 1) \(texts.choice(question, module: step.module, key))") }
        var hints: [String] = []
        switch question.type {
        case .yesNo: hints.append(texts.core("intake.yesNo"))
        case .number(let range): hints.append("\(range.lowerBound)–\(range.upperBound)")
        case .cefrLevel: hints.append("A1–C2")
        default: break
        }
        if question.isOptional { hints.append(texts.core("intake.optionalHint")) }
        let existing = answers.answer(step)
        if let existing { hints.append(texts.core("intake.current", ["value": texts.label(existing, question, module: step.module)])) }
        if !hints.isEmpty { prompter.say(Console.dim("  (" + hints.joined(separator: " · ") + ")")) }
        let keywords: [IntakeTexts.Keyword] = [.help, .back, .skip, .pause]
        let completions = choices.map { texts.choice(question, module: step.module, $0) } + texts.completions(keywords)
            + (question.type == .yesNo ? texts.completions([.accept, .decline]) : [])
        while true {
            switch prompter.ask("", completions: completions) {
            case .endOfInput: return .pause
            case .interrupted, .timedOut: continue
            case .line(let raw):
                let line = raw.trimmingCharacters(in: .whitespaces)
                switch texts.keyword(line, among: keywords) {
                case .help?:
                    let help = texts.help(question, module: step.module)
                    prompter.say(help.isEmpty ? texts.core("intake.noHelp") : help)
                case .back?: return .reply(.back)
                case .pause?: return .pause
                case .skip?:
                    if question.isOptional { return .reply(.skip) }
                    prompter.say(texts.core("intake.notOptional"))
                case nil where line.isEmpty && existing != nil: return .reply(.keep)
                default:
                    switch question.type.parse(texts.choiceKeys(line, question, module: step.module)) {
                    case .success(let value): return .reply(.answer(value))
                    case .failure(let error): prompter.say(texts.problem(error))
                    }
                }
            }
        }
    }
}
