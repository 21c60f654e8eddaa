import ArgumentParser
import Foundation
import LotseCore

/// What ArgumentParser raises (a help or version request, a mistake in the arguments),
/// said by lotse in the session's language: help through `HelpText`, a mistake as one
/// catalog line plus the command's usage. ArgumentParser's error types are internal,
/// so a mistake is recognised by the shape of its (English) message; one of an unknown
/// shape is shown with the generic line `help.error.other`.
enum ArgumentErrorText {
    enum Outcome {
        /// Text for standard output, exit 0 (help, version, the JSON description).
        case output(String)
        /// A mistake: lines for standard error, exit 1.
        case mistake(String)
    }

    static func outcome(for error: any Error, words: [String], catalog: Catalog) -> Outcome {
        // The command tree is built only for help and mistakes, not for `--version`.
        let command = { HelpText.command(for: words.first == "help" ? Array(words.dropFirst()) : words) }
        let help = HelpText(catalog: catalog)
        if Lotse.exitCode(for: error) == .success {
            let text = Lotse.fullMessage(for: error)
            let asksHelp = words.contains("--help") || words.contains("-h") || words.first == "help"
            if text.hasPrefix("{"), let locale = ProcessInfo.processInfo.environment["LOTSE_MANUAL_LOCALE"], !locale.isEmpty,
               let manual = try? Console.catalog(locale: locale, resources: try Locations().resources()) {
                return .output(HelpText(catalog: manual).localizedDump(text))  // the German man pages
            }
            guard asksHelp, !text.hasPrefix("{") else { return .output(text) }
            let (path, found) = command()
            return .output(help.render(path, found))
        }
        let (path, found) = command()
        let line = catalog.render(message(Lotse.message(for: error), catalog: catalog))
        let see = catalog.render(Message("help.seeHelp", ["command": .text(path.joined(separator: " "))], namespace: "help"))
        return .mistake("lotse: \(line)\n\(help.usage(path, found))\n\(see)")
    }

    /// An argument as ArgumentParser spells it (`--case <case>`), its placeholder in
    /// the session's words (`--case <Fall>`).
    private static func placeholders(_ argument: String, catalog: Catalog) -> String {
        guard let open = argument.firstIndex(of: "<"), let close = argument.lastIndex(of: ">"), open < close else { return argument }
        let name = String(argument[argument.index(after: open)..<close])
        let shown = catalog.render(Message("value.\(name)", namespace: "help"))
        return shown == "value.\(name)" ? argument : argument.replacingCharacters(in: open...close, with: "<\(shown)>")
    }

    /// The catalog line for ArgumentParser's message.
    static func message(_ english: String, catalog: Catalog) -> Message {
        let patterns: [(String, String, [String])] = [
            (#"^Missing expected argument '(.+)'$"#, "help.error.missing", ["argument"]),
            (#"^Unknown option '(.+)'$"#, "help.error.unknownOption", ["option"]),
            (#"^Unexpected arguments? (.+)$"#, "help.error.unexpected", ["arguments"]),
            (#"^The value '(.*)' is invalid for '(.+?)'(?::.*)?$"#, "help.error.invalidValue", ["value", "argument"]),
            (#"^Missing value for '(.+)'$"#, "help.error.missingValue", ["argument"]),
            (#"^Value to be set with flag '(.+)' had already been set with flag '(.+)'$"#, "help.error.conflict", ["flag", "other"]),
        ]
        let text = english.trimmingCharacters(in: .whitespacesAndNewlines).replacingOccurrences(of: "Error: ", with: "")
        let firstLine = String(text.split(separator: "\n").first ?? "")
        for (pattern, key, names) in patterns {
            guard let expression = try? NSRegularExpression(pattern: pattern),
                  let match = expression.firstMatch(in: firstLine, range: NSRange(firstLine.startIndex..., in: firstLine)) else { continue }
            var arguments: [String: TextValue] = [:]
            for (index, name) in names.enumerated() {
                if let range = Range(match.range(at: index + 1), in: firstLine) { arguments[name] = .text(placeholders(String(firstLine[range]), catalog: catalog)) }
            }
            return Message(key, arguments, namespace: "help")
        }
        return Message("help.error.other", ["detail": .text(firstLine)], namespace: "help")
    }
}
