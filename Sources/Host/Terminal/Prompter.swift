import Foundation
import LotseCore

/// Where an interview reads its answers: readline on a terminal, plain lines from a
/// pipe (the same prompts, without escape codes, so it can be scripted).
protocol Prompter {
    /// Asks for one line; `completions` are offered on Tab.
    func ask(_ prompt: String, completions: [String]) -> LineInput
    func say(_ text: String)
}
