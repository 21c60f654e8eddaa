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
}
