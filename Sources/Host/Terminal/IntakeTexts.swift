import LotseCore
import PluginKit

/// The words of an intake: questions, choices, answers and errors in the configured
/// locale.
struct IntakeTexts {
    let catalog: Catalog

    func core(_ key: String, _ arguments: [String: String] = [:]) -> String { catalog.text("core", key, arguments) }

    func moduleTitle(_ module: String) -> String { catalog.text(module, "module.title") }

    func prompt(_ question: Question, module: String, person: IntakePerson?) -> String {
        catalog.text(module, question.promptKey, ["person": person?.name ?? ""])
    }

    func help(_ question: Question, module: String) -> String { catalog.text(module, question.helpKey) }

    func choice(_ question: Question, module: String, _ key: String) -> String { catalog.text(module, question.choiceKey(key)) }

    /// How an answer reads: choices by their label, yes/no in words.
    func label(_ value: AnswerValue, _ question: Question, module: String) -> String {
        switch value {
        case .yes(let flag): catalog.text("core", flag ? "answer.yes" : "answer.no")
        case .choice(let key): choice(question, module: module, key)
        case .choices(let keys): keys.map { choice(question, module: module, $0) }.joined(separator: ", ")
        case .date(let date): self.date(date)
        default: value.stored
        }
    }

    func problem(_ error: AnswerError) -> String { catalog.render(error.message) }

    func date(_ date: LocalDate) -> String { catalog.date(date) }
}
