import Foundation
@testable import LotseCore
import PluginKit
import Testing

/// The two rules for text lotse did not write: refused on input, visible on output.
@Suite struct UntrustedTextTests {
    @Test func controlCharactersAreFoundButWritingMarksAreNot() {
        #expect(UntrustedText.controlCharacter(in: "before\0after") == "\0")
        #expect(UntrustedText.controlCharacter(in: "Hosseini\u{1B}]2;x\u{7}") == "\u{1B}")
        #expect(UntrustedText.controlCharacter(in: "next line\u{85}") == "\u{85}")
        #expect(UntrustedText.controlCharacter(in: "carriage\rreturn") == "\r")
        // Tab, line feed, and what Persian and Arabic names need stay allowed.
        #expect(UntrustedText.controlCharacter(in: "Zeile 1\n\tZeile 2") == nil)
        #expect(UntrustedText.controlCharacter(in: "Mohammad\u{200C}Reza \u{200D}\u{200E}\u{200F}") == nil)
    }

    @Test func storedControlsAreShownAsSymbols() {
        #expect(UntrustedText.visible("Hosseini\u{1B}]2;pwned\u{7}\u{1B}[2J") == "Hosseini␛]2;pwned␇␛[2J")
        #expect(UntrustedText.visible("a\0b\u{7F}c\u{9B}d") == "a␀b␡c⟨U+009B⟩d")
        #expect(UntrustedText.visible("\u{202E}gnp.exe\u{2066}") == "⟨U+202E⟩gnp.exe⟨U+2066⟩")
        #expect(UntrustedText.visible("Zeile 1\n\tZeile 2") == "Zeile 1\n\tZeile 2")
    }

    @Test func strictJSONRefusesDuplicatesControlsAndOtherEncodings() {
        #expect(StrictJSON.problem(in: Data(#"{"a": [1, {"note": "ok\n"}], "c": null}"#.utf8)) == nil)
        #expect(StrictJSON.problem(in: Data(#"{"persons": [{"familyName": "Saleh\nFall 2"}]}"#.utf8))
                == .init(path: "persons[0].familyName", what: Message("field.lineBreak")))
        #expect(StrictJSON.problem(in: Data(("{\"title\": \"" + String(repeating: "x", count: 501) + "\"}").utf8))
                == .init(path: "title", what: Message("field.tooLong", ["limit": 500])))
        #expect(StrictJSON.problem(in: Data(#"{"receiver": "A", "x": 1, "receiver": "B"}"#.utf8))
                == .init(path: "receiver", what: "json.keyTwice"))
        #expect(StrictJSON.problem(in: Data(#"{"persons": [{"familyName": "Sal\u0000eh"}]}"#.utf8))
                == .init(path: "persons[0].familyName", what: Message("json.control", ["codePoint": "U+0000"])))
        #expect(StrictJSON.problem(in: Data(#"{"note": "\u001b]52;c;x\u0007"}"#.utf8))?.what == Message("json.control", ["codePoint": "U+001B"]))
        #expect(StrictJSON.problem(in: Data("{\"a\": \"\u{1B}\"}".utf8))?.what == Message("json.rawControl", ["codePoint": "U+001B"]))
        #expect(StrictJSON.problem(in: "{\"a\": 1}".data(using: .utf16)!)?.what == "json.byteOrderMark")
        #expect(StrictJSON.problem(in: Data(String(repeating: "[", count: 100_000).utf8))?.what == Message("json.tooDeep", ["depth": 32]))
        #expect(StrictJSON.problem(in: Data(#"{"a": 1} trailing"#.utf8))?.what == "json.trailingText")
    }

    @Test func dateArithmeticStopsAtTheCalendarsEnds() {
        let date = LocalDate(year: 2026, month: 11, day: 27)!
        #expect(date.adding(months: -12 * 100_000) == .earliest)
        #expect(date.adding(months: Int.min) == .earliest)
        #expect(date.adding(months: Int.max) == .latest)
        #expect(date.adding(days: Int.max) == .latest)
        #expect(date.adding(days: -Int.max) == .earliest)
        #expect(date.adding(months: -3) == LocalDate(year: 2026, month: 8, day: 27))
    }

    @Test func aLocaleTextOfAnotherShapeIsSetAside() throws {
        #expect(Catalog.shapeProblem("A|B|C", "A|B|C|D|E|F") == Message("warning.locale.columns", ["columns": 3, "expected": 6]))
        #expect(Catalog.shapeProblem("Bericht {nonsense}", "Report as of {asOf}") == "warning.locale.placeholders")
        #expect(Catalog.shapeProblem("Stand {asOf}", "as of {asOf}") == nil)
    }
}
