import ArgumentParser
import Foundation
import LotseCore

/// `--help`, `help COMMAND` and the usage line under an argument error, in the session's
/// language. The structure (commands, arguments, names, defaults) comes from
/// ArgumentParser's description of the command tree; every word from the catalog's
/// `help` namespace: `cmd.PATH.abstract`, `cmd.PATH.discussion`, `opt.NAME` (or
/// `opt.PATH.NAME` where a command words an option differently), `value.NAME` for the
/// placeholders. The English catalog mirrors the texts declared with the commands (a
/// test keeps them equal); ArgumentParser's own rendering is never shown.
struct HelpText {
    struct Tree: Decodable { let command: Command }

    struct Command: Decodable {
        let commandName: String
        let subcommands: [Command]?
        let arguments: [Argument]?
        let shouldDisplay: Bool?
    }

    struct Argument: Decodable {
        struct Name: Decodable {
            let kind: String
            let name: String
            var spelled: String { kind == "short" ? "-\(name)" : kind == "longWithSingleDash" ? "-\(name)" : "--\(name)" }
        }
        let kind: String
        let shouldDisplay: Bool
        let isOptional: Bool
        let isRepeating: Bool
        let names: [Name]?
        let preferredName: Name?
        let valueName: String?
        let defaultValue: String?
        let allValues: [String]?

        var key: String { preferredName?.name ?? valueName ?? "" }
    }

    /// The whole tree, as ArgumentParser describes it.
    static let tree: Command = {
        (try? JSONDecoder().decode(Tree.self, from: Data(Lotse._dumpHelp().utf8)).command)
            ?? Command(commandName: "lotse", subcommands: nil, arguments: nil, shouldDisplay: true)
    }()

    /// The deepest command the words name, and its path from the root ("lotse", "case", "new").
    static func command(for words: [String]) -> (path: [String], command: Command) {
        var path = ["lotse"], command = tree
        for word in words where !word.hasPrefix("-") {
            guard let next = command.subcommands?.first(where: { $0.commandName == word }) else { break }
            path.append(word)
            command = next
        }
        return (path, command)
    }

    let catalog: Catalog
    let width = 80

    private func help(_ key: String, _ arguments: [String: TextValue] = [:]) -> String {
        catalog.render(Message(key, arguments, namespace: "help"))
    }

    private func has(_ key: String) -> Bool { help(key) != key }

    /// ArgumentParser's help dump (`--experimental-dump-help`, what generate-manual makes
    /// the man pages from) with every abstract and discussion in this locale: the German
    /// man pages are made from it (`LOTSE_MANUAL_LOCALE=de`, packaging/build-deb).
    func localizedDump(_ json: String) -> String {
        guard var root = (try? JSONSerialization.jsonObject(with: Data(json.utf8))) as? [String: Any],
              let command = root["command"] as? [String: Any] else { return json }
        root["command"] = localize(command, shape: Self.tree, path: ["lotse"])
        guard let data = try? JSONSerialization.data(withJSONObject: root, options: [.sortedKeys]) else { return json }
        return String(decoding: data, as: UTF8.self)
    }

    private func localize(_ node: [String: Any], shape: Command, path: [String]) -> [String: Any] {
        var node = node
        let key = path.joined(separator: ".")
        for field in ["abstract", "discussion"] where node[field] != nil && has("cmd.\(key).\(field)") {
            node[field] = help("cmd.\(key).\(field)")
        }
        if var arguments = node["arguments"] as? [[String: Any]], let shapes = shape.arguments {
            for (index, argument) in zip(arguments.indices, shapes) where arguments[index]["abstract"] != nil {
                let specific = "opt.\(key).\(argument.key)", general = "opt.\(argument.key)"
                if has(specific) { arguments[index]["abstract"] = help(specific) } else if has(general) { arguments[index]["abstract"] = help(general) }
                if let value = arguments[index]["valueName"] as? String, has("value.\(value)") { arguments[index]["valueName"] = help("value.\(value)") }
            }
            node["arguments"] = arguments
        }
        if let subcommands = node["subcommands"] as? [[String: Any]] {
            node["subcommands"] = subcommands.map { sub in
                guard let name = sub["commandName"] as? String, let inner = shape.subcommands?.first(where: { $0.commandName == name }) else { return sub }
                return localize(sub, shape: inner, path: path + [name])
            }
        }
        return node
    }

    /// An argument's description in this locale.
    func abstract(_ argument: Argument, path: [String]) -> String {
        let specific = "opt.\(path.joined(separator: ".")).\(argument.key)"
        return has(specific) ? help(specific) : help("opt.\(argument.key)")
    }

    private func placeholder(_ argument: Argument) -> String {
        let name = argument.valueName ?? argument.key
        let shown = has("value.\(name)") ? help("value.\(name)") : name
        return "<\(shown)>" + (argument.isRepeating ? help("help.repeating") : "")
    }

    /// How an argument is named in a message: `--municipality <Kommune>`, `<Fallnummer>`.
    func written(_ argument: Argument) -> String { synopsis(argument, all: false) }

    /// How the argument is written: `--municipality <Kommune>`, `-o, --output <Ausgabe>`, `<Fallnummer>`.
    private func synopsis(_ argument: Argument, all names: Bool) -> String {
        switch argument.kind {
        case "positional": return placeholder(argument)
        case "flag":
            let spelled = names ? (argument.names ?? []).map(\.spelled) : [argument.preferredName?.spelled ?? ""]
            return spelled.joined(separator: names ? ", " : "/")
        default:
            let spelled = names ? (argument.names ?? []).map(\.spelled).joined(separator: ", ") : argument.preferredName?.spelled ?? ""
            return "\(spelled) \(placeholder(argument))"
        }
    }

    /// The usage line: the command path, then its visible arguments.
    func usage(_ path: [String], _ command: Command) -> String {
        var parts = [path.joined(separator: " ")]
        if command.subcommands?.isEmpty == false { parts.append("<\(has("value.subcommand") ? help("value.subcommand") : "subcommand")>") }
        for argument in command.arguments ?? [] where argument.shouldDisplay && !["help", "version"].contains(argument.key) {
            let text = synopsis(argument, all: false)
            parts.append(argument.isOptional ? "[\(text)]" : text)
        }
        return help("help.usage", ["usage": .text(parts.joined(separator: " "))])
    }

    /// The whole help of a command.
    func render(_ path: [String], _ command: Command) -> String {
        let key = path.joined(separator: ".")
        var blocks: [String] = []
        if has("cmd.\(key).abstract") { blocks.append(wrap(help("cmd.\(key).abstract"), indent: 0)) }
        blocks.append(usage(path, command))
        if has("cmd.\(key).discussion") { blocks.append(wrap(help("cmd.\(key).discussion"), indent: 0)) }
        let visible = (command.arguments ?? []).filter(\.shouldDisplay)
        let positionals = visible.filter { $0.kind == "positional" }
        let options = visible.filter { $0.kind != "positional" }
        if !positionals.isEmpty { blocks.append(section("help.arguments", positionals.map { (synopsis($0, all: true), describe($0, path)) })) }
        if !options.isEmpty { blocks.append(section("help.options", options.map { (synopsis($0, all: true), describe($0, path)) })) }
        let subcommands = (command.subcommands ?? []).filter { $0.shouldDisplay != false && $0.commandName != "help" }
        if !subcommands.isEmpty {
            blocks.append(section("help.subcommands", subcommands.map { ($0.commandName, help("cmd.\(key).\($0.commandName).abstract")) }))
            blocks.append(help("help.more"))
        }
        return blocks.joined(separator: "\n\n")
    }

    /// An argument's description with its values and default.
    private func describe(_ argument: Argument, _ path: [String]) -> String {
        var text = abstract(argument, path: path)
        if let values = argument.allValues, !values.isEmpty, argument.kind != "flag" {
            text += " " + help("help.values", ["values": .list(values.map { .text($0) })])
        }
        if let value = argument.defaultValue, !value.isEmpty, argument.kind != "flag" {
            text += " " + help("help.default", ["value": .text(value)])
        }
        return text
    }

    /// A heading and its entries: the name, then the text in a column (on the next line
    /// when the name is too long for the column).
    private func section(_ heading: String, _ entries: [(String, String)]) -> String {
        let column = 26
        var lines = [help(heading)]
        for (name, text) in entries {
            let wrapped = wrap(text, indent: column).trimmingPrefix(String(repeating: " ", count: column))
            if name.count + 4 <= column {
                lines.append("  " + name + String(repeating: " ", count: column - 2 - name.count) + wrapped)
            } else {
                lines.append("  " + name)
                lines.append(String(repeating: " ", count: column) + wrapped)
            }
        }
        return lines.joined(separator: "\n")
    }

    /// Breaks text at spaces into lines of at most `width`, each indented.
    private func wrap(_ text: String, indent: Int) -> String {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ") {
            if !line.isEmpty && indent + line.count + 1 + word.count > width {
                lines.append(line)
                line = ""
            }
            line += (line.isEmpty ? "" : " ") + word
        }
        if !line.isEmpty { lines.append(line) }
        let pad = String(repeating: " ", count: indent)
        return lines.map { pad + $0 }.joined(separator: "\n")
    }
}
