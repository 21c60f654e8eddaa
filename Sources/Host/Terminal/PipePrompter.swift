import Foundation
import LotseCore

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
