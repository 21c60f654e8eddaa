import ArgumentParser
import Foundation
@testable import Host
import LotseCore
import Testing

/// lotse names what is wrong with a refused command line from the commands' declared
/// arguments, not from ArgumentParser's English message (#31).
@Suite struct ArgumentCheckTests {
    static let catalog = Catalog(locale: "en", texts: [:])

    /// The problem lotse names for a line ArgumentParser refuses (the test fails if it accepts it).
    func problem(_ words: [String]) throws -> String? {
        #expect(throws: (any Error).self, "\(words) is refused") { _ = try Lotse.parseAsRoot(words) }
        let (path, command) = HelpText.command(for: words)
        return ArgumentCheck(command: command, help: HelpText(catalog: Self.catalog)).problem(in: ArgumentCheck.own(words, path: path))?.key
    }

    /// Every command path in the tree with its command.
    static func leaves(_ command: HelpText.Command = HelpText.tree, path: [String] = []) -> [([String], HelpText.Command)] {
        guard let children = command.subcommands, !children.isEmpty else { return [(path, command)] }
        return children.flatMap { leaves($0, path: path + [$0.commandName]) }
    }

    @Test func everyCommandNamesAnUnknownOptionAndAMissingArgument() throws {
        let leaves = Self.leaves()
        #expect(leaves.count > 60)
        for (path, command) in leaves {
            #expect(try problem(path + ["--no-such-option"]) == "help.error.unknownOption", "\(path)")
            let required = (command.arguments ?? []).contains { !$0.isOptional && !$0.isRepeating && $0.kind != "flag" }
            if required { #expect(try problem(path) == "help.error.missing", "\(path)") }
        }
    }

    @Test func valuesOfTheWrongKindAndWordsTooManyAreNamed() throws {
        #expect(try problem(["case", "show", "abc"]) == "help.error.invalidValue")
        #expect(try problem(["case", "show", "5", "6"]) == "help.error.unexpected")
        #expect(try problem(["case", "list", "--page"]) == "help.error.missingValue")
        #expect(try problem(["case", "list", "--page", "zwei"]) == "help.error.invalidValue")
        #expect(try problem(["case", "close", "5"]) == "help.error.missing")
        #expect(try problem(["conversation", "add", "5", "--kind", "family", "--topics", "work", "--on", "2026-13-45"]) == "help.error.invalidValue")
        #expect(try problem(["person", "find", "--born", "neunzehn"]) == "help.error.invalidValue")
    }

    @Test func aLineArgumentParserTakesHasNoProblem() throws {
        for words in [["case", "show", "5"], ["case", "list", "--page", "2", "--status", "aktiv"], ["modules", "show", "language"],
                      ["conversation", "add", "5", "--kind", "family", "--topics", "work", "--on", "27.11.2026"], ["note", "5", "--", "-text"]] {
            _ = try Lotse.parseAsRoot(words)
            let (path, command) = HelpText.command(for: words)
            #expect(ArgumentCheck(command: command, help: HelpText(catalog: Self.catalog)).problem(in: ArgumentCheck.own(words, path: path)) == nil, "\(words)")
        }
    }
}
