import Foundation
import LotseCore

/// Readline on a terminal. Nothing typed here goes into the history: answers are
/// personal data.
final class TerminalPrompter: Prompter {
    private let editor = LineEditor(name: "lotse", historyFile: nil, completer: { _, _ in [] })

    func ask(_ prompt: String, completions: [String]) -> LineInput {
        editor.setCompleter { _, word in completions.filter { $0.hasPrefix(word) } }
        let prompt = UntrustedText.visible(prompt)  // it may name a person
        return editor.read(prompt: Console.colorEnabled ? "\u{1}\u{1B}[1;33m\u{2}›\u{1}\u{1B}[0m\u{2} \(prompt)" : "› \(prompt)")
    }

    func say(_ text: String) { print(text) }
}
