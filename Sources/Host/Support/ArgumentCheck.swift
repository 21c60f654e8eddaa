import Foundation
import LotseCore
import PluginKit

/// What is wrong with a command line ArgumentParser refused, found by lotse itself: the
/// words are read against the command's declared arguments (`HelpText.tree`) and the
/// kinds of values lotse's commands take, never from the wording of ArgumentParser's own
/// (English) message. Nil when lotse sees nothing wrong; the caller then says so in
/// general words.
struct ArgumentCheck {
    let command: HelpText.Command
    let help: HelpText

    /// Value names of the arguments lotse reads as whole numbers (ids, counts, pages).
    static let numbers: Set<String> = ["id", "case-id", "case", "person", "days", "households", "limit", "page", "page-size", "seed",
                                       "municipalities", "suppress-below", "version", "born"]
    /// Value names of the arguments lotse reads as dates (`--born` also takes a year).
    static let dates: Set<String> = ["date", "today"]

    /// A command line's words without the names of the command path ("case", "show").
    static func own(_ words: [String], path: [String]) -> [String] {
        var own = words
        for name in path.dropFirst() {
            if let index = own.firstIndex(of: name) { own.remove(at: index) }
        }
        return own
    }

    /// The first problem of `words`, the command's own (its path left out).
    func problem(in words: [String]) -> Message? {
        let declared = command.arguments ?? []
        let named = declared.filter { $0.kind != "positional" }
        func argument(_ word: String) -> HelpText.Argument? { named.first { $0.names?.contains { $0.spelled == word } == true } }
        var positionals: [String] = [], given: Set<String> = [], values: [(HelpText.Argument, String, String)] = []
        var index = 0, literal = false
        while index < words.count {
            let word = words[index]
            index += 1
            if literal || !word.hasPrefix("-") || word == "-" || Double(word) != nil {
                positionals.append(word)
                continue
            }
            if word == "--" {
                literal = true
                continue
            }
            let parts = word.hasPrefix("--") ? word.split(separator: "=", maxSplits: 1).map(String.init) : [word]
            guard let found = argument(parts[0]) else { return message("unknownOption", ["option": .text(parts[0])]) }
            given.insert(found.key)
            guard found.kind == "option" else { continue }
            if parts.count == 2 {
                values.append((found, parts[0], parts[1]))
            } else if index < words.count, argument(words[index]) == nil, !words[index].hasPrefix("--") {
                values.append((found, parts[0], words[index]))
                index += 1
            } else {
                return message("missingValue", ["argument": .text(help.written(found))])
            }
        }
        let places = declared.filter { $0.kind == "positional" }
        if !places.contains(where: \.isRepeating), positionals.count > places.count {
            return message("unexpected", ["arguments": .list(positionals[places.count...].map { .text("'\($0)'") })])
        }
        for (place, word) in zip(places, positionals) where !Self.reads(word, as: place, option: nil) {
            return message("invalidValue", ["value": .text(word), "argument": .text(help.written(place))])
        }
        for (found, name, value) in values where !Self.reads(value, as: found, option: name) {
            return message("invalidValue", ["value": .text(value), "argument": .text(help.written(found))])
        }
        if let missing = places.dropFirst(positionals.count).first(where: { !$0.isOptional && !$0.isRepeating })
            ?? named.first(where: { $0.kind == "option" && !$0.isOptional && !given.contains($0.key) }) {
            return message("missing", ["argument": .text(help.written(missing))])
        }
        return nil
    }

    /// Whether a value is of the kind the argument takes, as far as lotse checks kinds.
    static func reads(_ value: String, as argument: HelpText.Argument, option: String?) -> Bool {
        let kind = argument.valueName ?? argument.key
        if numbers.contains(kind) { return Int64(value) != nil }
        if dates.contains(kind) { return option == "--born" ? BirthDate(parsing: value) != nil : LocalDate(parsing: value) != nil }
        return true
    }

    private func message(_ kind: String, _ arguments: [String: TextValue]) -> Message {
        Message("help.error.\(kind)", arguments, namespace: "help")
    }
}
