import ArgumentParser
import Foundation
import LotseCore
import Synchronization

/// The interactive prompt: `lotse` with no arguments. On a terminal it uses readline
/// (completion, history, Ctrl-C, Ctrl-D); with stdin not a terminal it reads commands
/// line by line, without prompts, so it can be scripted.
struct Repl {
    /// The configuration and database the commands typed here work with, kept open.
    let workplace: Workplace
    /// Who works at the prompt: `help` lists what their roles allow.
    let principal: Principal
    /// Set in the kiosk: no history file, files only in the export folder.
    var kiosk: KioskLimits?

    private var context: AppContext { workplace.context }
    private var voice: Voice { workplace.voice }

    func run() {
        if isatty(STDIN_FILENO) == 1 {
            interactive()
        } else {
            while let line = readLine(), execute(line) {}
        }
    }

    private func interactive() {
        let tree = CommandTree.lotse
        let caseIds = CaseIdCache()
        caseIds.refresh(from: workplace)
        let vocabulary = try? context.vocabulary()
        let catalog = context.catalog
        let completer: LineEditor.Completer = { before, _ in
            let words = (try? CommandLineWords.split(before)) ?? []
            if words.isEmpty { return CommandTree.replWords + tree.names(after: []) }
            if CommandTree.takesCaseId.contains(words.joined(separator: " ")) { return caseIds.ids }
            if let vocabulary, let values = OptionValues.completions(after: words, tree: tree, vocabulary: vocabulary, catalog: catalog) {
                return values
            }
            return tree.names(after: words)
        }
        let history = kiosk == nil ? context.locations.dataDirectory.appendingPathComponent("history") : nil
        let editor = LineEditor(name: "lotse", historyFile: history, completer: completer)
        print(context.text("repl.welcome", ["version": Lotse.version]))
        let prompt = Console.colorEnabled ? "\u{1}\u{1B}[1;36m\u{2}lotse>\u{1}\u{1B}[0m\u{2} " : "lotse> "
        loop: while true {
            editor.setCompleter(completer)  // a command (an intake) may have changed it
            switch editor.read(prompt: prompt) {
            case .line(let line):
                if let words = try? CommandLineWords.split(line), !words.isEmpty {
                    editor.remember(tree.historyEntry(for: words))
                }
                if !execute(line) { break loop }
                caseIds.refresh(from: workplace)
            case .interrupted, .timedOut: continue
            case .endOfInput: break loop
            }
        }
        editor.saveHistory()
        print(context.text("repl.goodbye"))
    }

    /// Runs one line; false when the user wants to leave.
    func execute(_ line: String) -> Bool {
        let words: [String]
        do { words = try CommandLineWords.split(line) } catch {
            voice.error("error.repl.quote")
            return true
        }
        guard let first = words.first else { return true }
        switch first {
        case "quit", "exit": return false
        case "reload":
            do {
                try workplace.reload()
                voice.say("repl.reloaded")
            } catch { voice.error(error) }
            return true
        case "help", "?":
            if words.count > 1 {
                let (path, command) = HelpText.command(for: Array(words.dropFirst()))
                print(HelpText(catalog: voice.catalog).render(path, command))
            } else {
                print(CommandAreas.overview(for: principal, catalog: voice.catalog))
            }
            return true
        default: break
        }
        guard CommandTree.lotse.children[first] != nil else {
            voice.error(Message("repl.unknown", ["command": .text(first)]))
            return true
        }
        if let refusal = kiosk?.refusal(words) {
            voice.error(refusal)
            return true
        }
        do {
            var command = try Lotse.parseAsRoot(words)
            if let command = command as? any LotseCommand {
                try command.run(in: SessionSource(workplace: workplace))
            } else {
                try command.run()
            }
            // A restored database is another file under the same name.
            if first == "restore" { try workplace.reopen() }
        } catch let error as any LotseError {
            voice.error(error)
        } catch where Console.isArgumentError(error) {
            switch ArgumentErrorText.outcome(for: error, words: words, catalog: voice.catalog) {
            case .output(let text): print(text)
            case .mistake(let text): Console.standardError(text + "\n")
            }
        } catch {
            voice.error(error)
        }
        return true
    }
}
