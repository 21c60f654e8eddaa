import ArgumentParser

/// The names of lotse's commands and subcommands, from the argument parser's own
/// configuration: the REPL completes them and keeps only them in its history.
struct CommandTree: Sendable {
    /// Words the REPL understands besides lotse's commands.
    static let replWords = ["help", "quit", "exit", "reload"]

    let children: [String: CommandTree]

    init(_ command: any ParsableCommand.Type) {
        var children: [String: CommandTree] = [:]
        for sub in command.configuration.subcommands {
            children[sub._commandName] = CommandTree(sub)
        }
        self.children = children
    }

    static let lotse = CommandTree(Lotse.self)

    /// Commands whose first argument is a case id: Tab offers the open cases' ids.
    static let takesCaseId: Set<String> = [
        "case show", "case edit", "case close", "case reopen", "case reassign", "intake", "review", "note", "attach", "move",
        "conversation add", "referral add", "outcome add", "consent add", "person add", "handover export",
    ]

    /// The subcommands that may follow `words` (all of which are command names).
    func names(after words: [String]) -> [String] {
        var node = self
        for word in words {
            guard let child = node.children[word] else { return [] }
            node = child
        }
        return node.children.keys.sorted()
    }

    /// A history entry without personal data: command names, option names and plain
    /// numbers (ids) stay; every other word becomes "…".
    func historyEntry(for words: [String]) -> String {
        var node: CommandTree? = self
        return words.map { word in
            if let child = node?.children[word] {
                node = child
                return word
            }
            node = nil
            if word.hasPrefix("-") { return String(word.prefix { $0 != "=" }) }
            if !word.isEmpty, word.allSatisfy(\.isNumber) { return word }
            return "…"
        }.joined(separator: " ")
    }
}
