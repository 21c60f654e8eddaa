import Foundation
import LotseCore

/// Where an interview reads its answers: readline on a terminal, plain lines from a
/// pipe (the same prompts, without escape codes, so it can be scripted).
protocol Prompter {
    /// Asks for one line; `completions` are offered on Tab.
    func ask(_ prompt: String, completions: [String]) -> LineInput
    func say(_ text: String)
}

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

/// Lines from a pipe: the prompt is printed as it is, the answer read with readLine.
struct PipePrompter: Prompter {
    func ask(_ prompt: String, completions: [String]) -> LineInput {
        print("› \(prompt)", terminator: "")
        fflush(nil)
        guard let line = readLine() else { print(""); return .endOfInput }
        print(line)
        return .line(line)
    }

    func say(_ text: String) { print(text) }
}
