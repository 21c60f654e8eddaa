import ArgumentParser
@testable import Host
import Testing

@Suite struct ReplWordsTests {
    @Test func splitsLikeAShell() throws {
        #expect(try CommandLineWords.split(#"modules show  "language" 'a b' c\ d"#) == ["modules", "show", "language", "a b", "c d"])
        #expect(try CommandLineWords.split("   ") == [])
        #expect(try CommandLineWords.split(#"x """#) == ["x", ""])
        #expect(throws: CommandLineWords.UnclosedQuote.self) { try CommandLineWords.split(#"note "unfinished"#) }
    }

    @Test func historyKeepsCommandNamesOptionsAndIdsOnly() {
        let tree = CommandTree.lotse
        #expect(tree.historyEntry(for: ["modules", "show", "language"]) == "modules show …")
        #expect(tree.historyEntry(for: ["modules", "--config=/home/ayse/secret.json", "42"]) == "modules --config 42")
        #expect(tree.historyEntry(for: ["Müller", "Ayşe"]) == "… …")
    }

    @Test func completesCommandsAndSubcommands() {
        #expect(CommandTree.lotse.names(after: []).contains("modules"))
        #expect(CommandTree.lotse.names(after: ["modules"]) == ["list", "show"])
        #expect(CommandTree.lotse.names(after: ["nothing"]) == [])
    }

    /// Every option Tab completes a value for is one its command declares, so the table
    /// cannot drift from the commands.
    @Test func optionValuesBelongToTheirCommands() {
        func command(_ path: String) -> (any ParsableCommand.Type)? {
            var type: any ParsableCommand.Type = Lotse.self
            for name in path.split(separator: " ") {
                guard let sub = type.configuration.subcommands.first(where: { $0._commandName == name }) else { return nil }
                type = sub
            }
            return type
        }
        func leaves(_ type: any ParsableCommand.Type) -> [any ParsableCommand.Type] {
            type.configuration.subcommands.isEmpty ? [type] : type.configuration.subcommands.flatMap(leaves)
        }
        for entry in OptionValues.table {
            let types = entry.command.map { command($0).map { [$0] } ?? [] } ?? leaves(Lotse.self)
            #expect(types.contains { $0.helpMessage(columns: 400).contains(entry.option + " ") }, "\(entry.command ?? "any command") \(entry.option)")
        }
    }
}
