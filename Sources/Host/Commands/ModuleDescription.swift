import ArgumentParser
import LotseCore
import PluginKit

/// The readable description of a module printed by `modules show`: in the session's
/// words; with `ids` also the ids a configuration or an answers file names.
struct ModuleDescription {
    let module: any IntegrationModule
    let settings: ModuleSettings
    let context: AppContext
    var ids = false

    private var voice: Voice { context.voice }

    private func text(_ key: String, of module: String? = nil) -> String {
        context.catalog.text(module ?? self.module.id, key, ["person": context.text("modules.show.person"), "due": "…"])
    }

    /// "label (id)" with ids, else the label alone.
    private func named(_ label: String, _ id: String) -> String { ids ? "\(label) (\(id))" : label }

    /// A question's kind of answer, in the session's words.
    func typeName(_ type: AnswerType) -> String {
        switch type {
        case .yesNo: voice.text("answerType.yesNo")
        case .choice: voice.text("answerType.choice")
        case .multiChoice: voice.text("answerType.multiChoice")
        case .number(let range): voice.text("answerType.number", ["min": .number(range.lowerBound), "max": .number(range.upperBound)])
        case .date: voice.text("answerType.date")
        case .text(let max): voice.text("answerType.text", ["max": .number(max)])
        case .cefrLevel: voice.text("answerType.cefrLevel")
        }
    }

    func render() -> String {
        var lines = [Console.bold(ids ? "\(text("module.title")) (\(module.id) \(module.version))" : voice.text("modules.show.title", ["module": .text(text("module.title")), "version": .text(module.version)])),
                     text("module.summary"), ""]
        lines.append(context.text("modules.show.questions"))
        for (number, question) in module.questions.enumerated() {
            var kind = "\(context.text("scope.\(question.scope.rawValue)")), \(typeName(question.type))"
            if question.isOptional { kind += ", \(context.text("modules.show.optional"))" }
            if ids {
                lines.append("\(number + 1). \(question.id) [\(kind)]")
                lines.append("   \(text(question.promptKey))")
            } else {
                lines.append("\(number + 1). \(text(question.promptKey)) [\(kind)]")
            }
            if !question.type.choices.isEmpty {
                lines.append("   " + question.type.choices.map { ids ? "\($0) = \(text(question.choiceKey($0)))" : text(question.choiceKey($0)) }.joined(separator: "; "))
            }
            if let condition = question.askIf {
                lines.append("   " + Console.dim("\(context.text("modules.show.askedIf")) \(ids ? condition.description : words(condition))"))
            }
        }
        lines += ["", context.text("modules.show.goals")]
        for template in module.goalTemplates {
            var detail = "\(context.text("scope.\(template.scope.rawValue)")), \(voice.text("modules.show.months", ["due": .number(template.dueAfterMonths), "review": .number(template.reviewEveryMonths)])), \(context.text("responsible.\(template.responsible.rawValue)"))"
            if let service = template.service { detail += ", \(context.text("service.\(service)"))" }
            if let outcome = template.outcome { detail += " → " + (ids ? outcome : outcomeLabel(outcome)) }
            lines.append("- " + (ids ? "\(template.id): " : "") + "\(text(template.titleKey)) [\(detail)]")
        }
        lines += ["", context.text("modules.show.outcomes")]
        lines += module.outcomeKinds.map { "- " + (ids ? "\($0.id): " : "") + text($0.labelKey) }
        lines += ["", context.text("modules.show.metrics")]
        lines += module.metrics.map { "- " + (ids ? "\($0.id): " : "") + text($0.docKey) }
        if !module.settings.isEmpty {
            lines += ["", context.text("modules.show.settings")]
            lines += module.settings.map { "- " + named(text($0.labelKey), $0.key) + ": \(settings.values[$0.key] ?? $0.defaultValue)" }
        }
        return lines.joined(separator: "\n")
    }

    private func outcomeLabel(_ id: String) -> String {
        module.outcomeKinds.first { $0.id == id }.map { text($0.labelKey) } ?? id
    }

    /// A skip condition in words: the questions by their number (and module, when another's).
    func words(_ condition: Condition) -> String {
        switch condition {
        case .answer(let id, let test):
            let (owner, number) = Self.locate(id)
            let question = owner == module.id ? voice.text("modules.show.question", ["number": .number(number)])
                : voice.text("modules.show.questionOf", ["number": .number(number), "module": .text(text("module.title", of: owner))])
            let answer: String = switch test {
            case .isYes: context.text("modules.show.isYes")
            case .isNo: context.text("modules.show.isNo")
            case .isOneOf(let keys): voice.text("modules.show.isOneOf", ["values": .alternatives(keys.map { .text(choice(id, $0, owner)) })])
            case .includes(let key): voice.text("modules.show.includes", ["value": .text(choice(id, key, owner))])
            case .atLeast(let n): voice.text("modules.show.atLeast", ["number": .number(n)])
            case .levelBelow(let level): voice.text("modules.show.levelBelow", ["level": .text(level.rawValue)])
            }
            return "\(question) \(answer)"
        case .fact(let fact, let minimum): return voice.text("modules.show.fact.\(fact.rawValue)", ["number": .number(minimum)])
        case .all(let parts): return parts.map(words).joined(separator: context.text("modules.show.and"))
        case .any(let parts): return "(" + parts.map(words).joined(separator: context.text("modules.show.or")) + ")"
        case .not(let inner): return voice.text("modules.show.not", ["condition": .text(words(inner))])
        }
    }

    private func choice(_ question: QuestionID, _ key: String, _ owner: String) -> String {
        builtinModules.module(owner)?.questions.first { $0.id == question }.map { text($0.choiceKey(key), of: owner) } ?? key
    }

    /// The module asking a question and its number there.
    static func locate(_ id: QuestionID) -> (module: String, number: Int) {
        for module in builtinModules.modules {
            if let index = module.questions.firstIndex(where: { $0.id == id }) { return (module.id, index + 1) }
        }
        return ("", 0)
    }
}
