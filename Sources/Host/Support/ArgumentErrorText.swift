import ArgumentParser
import Foundation
import LotseCore

/// What ArgumentParser raises (a help or version request, a mistake in the arguments),
/// said by lotse in the session's language: help through `HelpText`, a mistake as one
/// catalog line plus the command's usage. ArgumentParser's error types are internal and
/// its message is English, so lotse names the mistake itself (`ArgumentCheck`); when it
/// sees none, the general line `help.error.other`.
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
        let own = ArgumentCheck.own(words, path: path)
        let line = catalog.render(ArgumentCheck(command: found, help: help).problem(in: own) ?? Message("help.error.other", namespace: "help"))
        let see = catalog.render(Message("help.seeHelp", ["command": .text(path.joined(separator: " "))], namespace: "help"))
        return .mistake("lotse: \(line)\n\(help.usage(path, found))\n\(see)")
    }
}
