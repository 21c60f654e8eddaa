import ArgumentParser
import LotseCore
import PluginKit

/// The readable description of a module printed by `modules show`.
struct ModuleDescription {
    let module: any IntegrationModule
    let settings: ModuleSettings
    let context: AppContext

    private func text(_ key: String) -> String {
        context.catalog.text(module.id, key, ["person": context.text("modules.show.person"), "due": "…"])
    }

    /// A question's kind of answer, in the session's words.
    static func typeName(_ type: AnswerType) -> String {
        switch type {
        case .yesNo: Console.text("answerType.yesNo")
        case .choice: Console.text("answerType.choice")
        case .multiChoice: Console.text("answerType.multiChoice")
        case .number(let range): Console.text("answerType.number", ["min": .number(range.lowerBound), "max": .number(range.upperBound)])
        case .date: Console.text("answerType.date")
        case .text(let max): Console.text("answerType.text", ["max": .number(max)])
        case .cefrLevel: Console.text("answerType.cefrLevel")
        }
    }

    func render() -> String {
        var lines = [Console.bold("\(text("module.title")) (\(module.id) \(module.version))"), text("module.summary"), ""]
        lines.append(context.text("modules.show.questions"))
        for (number, question) in module.questions.enumerated() {
            var kind = "\(context.text("scope.\(question.scope.rawValue)")), \(Self.typeName(question.type))"
            if question.isOptional { kind += ", \(context.text("modules.show.optional"))" }
            lines.append("\(number + 1). \(question.id) [\(kind)]")
            lines.append("   \(text(question.promptKey))")
            if !question.type.choices.isEmpty {
                lines.append("   " + question.type.choices.map { "\($0) = \(text(question.choiceKey($0)))" }.joined(separator: "; "))
            }
            if let condition = question.askIf {
                lines.append("   " + Console.dim("\(context.text("modules.show.askedIf")) \(condition)"))
            }
        }
        lines += ["", context.text("modules.show.goals")]
        for template in module.goalTemplates {
            var detail = "\(context.text("scope.\(template.scope.rawValue)")), \(Console.text("modules.show.months", ["due": .number(template.dueAfterMonths), "review": .number(template.reviewEveryMonths)])), \(context.text("responsible.\(template.responsible.rawValue)"))"
            if let service = template.service { detail += ", \(context.text("service.\(service)"))" }
            if let outcome = template.outcome { detail += " → \(outcome)" }
            lines.append("- \(template.id): \(text(template.titleKey)) [\(detail)]")
        }
        lines += ["", context.text("modules.show.outcomes")]
        lines += module.outcomeKinds.map { "- \($0.id): \(text($0.labelKey))" }
        lines += ["", context.text("modules.show.metrics")]
        lines += module.metrics.map { "- \($0.id): \(text($0.docKey))" }
        if !module.settings.isEmpty {
            lines += ["", context.text("modules.show.settings")]
            lines += module.settings.map { "- \($0.key) = \(settings.values[$0.key] ?? $0.defaultValue) (\(text($0.labelKey)))" }
        }
        return lines.joined(separator: "\n")
    }
}
