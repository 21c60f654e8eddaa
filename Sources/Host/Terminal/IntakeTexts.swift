import Foundation
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

    /// A choice typed by its label ("Minijob", "mini") as its key; numbers, keys and
    /// what matches no label stay as typed (the answer's own check refuses them).
    func choiceKeys(_ line: String, _ question: Question, module: String) -> String {
        let keys = question.type.choices
        guard !keys.isEmpty else { return line }
        let labels = Choices(keys.map { ($0, .message(Message(question.choiceKey($0), namespace: module))) })
        return line.split(separator: ",").map { part in
            let word = part.trimmingCharacters(in: .whitespaces)
            if Int(word) != nil || keys.contains(word) { return word }
            return (try? labels.resolve(word, option: "", catalog: catalog)) ?? word
        }.joined(separator: ",")
    }

    /// A word the intake understands besides answers.
    enum Keyword: String, CaseIterable {
        case help, back, skip, pause, accept, decline, edit, acceptAll

        /// The English words, understood in every language.
        var english: [String] {
            switch self {
            case .help: ["?", "help"]
            case .back: ["back"]
            case .skip: ["skip"]
            case .pause: ["pause"]
            case .accept: ["y", "yes"]
            case .decline: ["n", "no"]
            case .edit: ["e", "edit"]
            case .acceptAll: ["all"]
            }
        }
    }

    /// The words of a keyword in the session's language (`intake.word.*`: "zurück,zurueck").
    func words(_ keyword: Keyword) -> [String] {
        core("intake.word.\(keyword.rawValue)").split(separator: ",").map { $0.lowercased() }
    }

    /// The keyword a typed line is, among those allowed here.
    func keyword(_ typed: String, among allowed: [Keyword]) -> Keyword? {
        let word = typed.trimmingCharacters(in: .whitespaces).lowercased()
        return allowed.first { words($0).contains(word) || $0.english.contains(word) }
    }

    /// The keywords to offer on Tab.
    func completions(_ allowed: [Keyword]) -> [String] { allowed.flatMap { words($0) } }
}
