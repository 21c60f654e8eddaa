import LotseCore
import PluginKit

/// The words Tab offers for an option's value in the REPL: the labels, in the session's
/// language, of the list the command reads the value from (`--status` of `case list`:
/// wartend, aktiv, …). A label of several words is offered in quotes.
enum OptionValues {
    /// Each option's list, for the command that reads it (nil: every command with it).
    static let table: [(command: String?, option: String, choices: @Sendable (Vocabulary) -> Choices)] = [
        ("case list", "--status", { _ in Choices(CaseStatus.self) }),
        ("case new", "--kind", { _ in Choices(CaseKind.self) }),
        ("conversation add", "--kind", { _ in Choices(ConversationKind.self) }),
        ("municipality add", "--kind", { _ in Choices(MunicipalityKind.self) }),
        ("case close", "--reason", { $0.closureChoices }),
        ("batch close", "--rule", { _ in Choices(ClosureRule.self) }),
        ("conversation add", "--topics", { $0.topicChoices }),
        ("referral add", "--service", { $0.serviceChoices }),
        ("consent add", "--scope", { $0.scopeChoices }),
        (nil, "--sex", { _ in Choices(Sex.self) }),
        (nil, "--stay-prospect", { _ in Choices(StayProspect.self) }),
        (nil, "--residence", { $0.residenceChoices }),
    ]

    static func choices(command: String, option: String, vocabulary: Vocabulary) -> Choices? {
        table.first { ($0.command == nil || $0.command == command) && $0.option == option }?.choices(vocabulary)
    }

    /// The completions after `words` (a command's words, then its options so far), when
    /// the last word is an option with a list.
    static func completions(after words: [String], tree: CommandTree, vocabulary: Vocabulary, catalog: Catalog) -> [String]? {
        guard let option = words.last, option.hasPrefix("--") else { return nil }
        var command: [String] = []
        for word in words.dropLast() {
            guard tree.names(after: command).contains(word) else { break }
            command.append(word)
        }
        guard let choices = choices(command: command.joined(separator: " "), option: option, vocabulary: vocabulary) else { return nil }
        return choices.labels(in: catalog).map { $0.contains(" ") ? "\"\($0)\"" : $0 }
    }
}
