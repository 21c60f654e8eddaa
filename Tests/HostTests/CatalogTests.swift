import ArgumentParser
import Foundation
@testable import Host
@testable import LotseCore
import PluginKit
import Synchronization
import Testing

/// The one text layer (#14): both locales complete and alike, every enum value and
/// every help text in them, the English help equal to what the commands declare.
@Suite struct CatalogTests {
    static let resources = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("resources")

    @Test func everyNamespaceHasTheSameKeysAndPlaceholdersInBothLocales() throws {
        let german = try Catalog.readLocale(Self.resources, "de")
        let english = try Catalog.readLocale(Self.resources, "en")
        #expect(Set(german.keys) == Set(english.keys))
        for (namespace, texts) in german {
            let other = english[namespace] ?? [:]
            #expect(Set(texts.keys) == Set(other.keys), "\(namespace): \(Set(texts.keys).symmetricDifference(other.keys).sorted())")
            for (key, text) in texts {
                guard let counterpart = other[key] else { continue }
                #expect(Catalog.shapeProblem(text, counterpart) == nil, "\(namespace).\(key): \(text)")
            }
        }
    }

    /// Every noun a text counts with (`{persons#person}`, a template's `{{person(persons)}}`)
    /// has its singular and plural in both locales.
    @Test func everyCountedNounHasBothForms() throws {
        let counted = /\{\w+#(\w+)\}/, transformed = /\{\{[#^\/]?(\w+)\([\w.]+\)\}\}/
        var nouns = Set<String>()
        for locale in ["de", "en"] {
            for texts in try Catalog.readLocale(Self.resources, locale).values {
                for text in texts.values { nouns.formUnion(text.matches(of: counted).map { String($0.output.1) }) }
            }
            let templates = Self.resources.appendingPathComponent("templates").appendingPathComponent(locale)
            for name in try FileManager.default.contentsOfDirectory(atPath: templates.path) {
                let text = try String(contentsOf: templates.appendingPathComponent(name), encoding: .utf8)
                nouns.formUnion(text.matches(of: transformed).map { String($0.output.1) })
            }
        }
        #expect(nouns.contains("case") && nouns.contains("caseDative"))
        for locale in ["de", "en"] {
            let core = try Catalog.readLocale(Self.resources, locale)["core"] ?? [:]
            for noun in nouns {
                #expect(core["count.\(noun).one"] != nil && core["count.\(noun).other"] != nil, "\(locale): \(noun)")
            }
        }
    }

    @Test func everyEnumValueHasItsLabel() throws {
        for locale in ["de", "en"] {
            let core = try Catalog.readLocale(Self.resources, locale)["core"] ?? [:]
            for type in labelledTypes + [Finding.Check.self] {
                for key in type.labelKeys { #expect(core[key] != nil, "\(locale): \(key)") }
            }
        }
    }

    @Test func pluralFormsPlaceholdersDatesAndDecimalsFollowTheLocale() throws {
        let german = try Catalog.load(from: Self.resources, locale: "de")
        let english = try Catalog.load(from: Self.resources, locale: "en")
        let date = LocalDate(year: 2026, month: 11, day: 27)!
        #expect(german.format(.date(date)) == "27.11.2026" && english.format(.date(date)) == "2026-11-27")
        #expect(german.format(.decimal(1.5, places: 1)) == "1,5" && english.format(.decimal(1.5, places: 1)) == "1.5")
        #expect(german.render(Message("closure.why.completed", ["agreement": "4", "count": 1])) == "alle Ziele der Vereinbarung 4 erledigt, 1 erreicht")
        #expect(german.render(Message("case.notClosable", ["case": 7, "status": CaseStatus.archived.label]))
                == "Fall 7 ist archiviert; nur aktive oder wartende Fälle können abgeschlossen werden")
        #expect(english.render(Message("error.denied.role", ["activity": Permission.runReports.label, "needed": .alternatives([Role.lead.label, Role.auditor.label]),
                                                            "user": "ayse", "held": .list([Role.manager.label])]))
                == "not allowed: reports needs the role lead or auditor; ayse has the role manager. Ask an admin ('lotse user role')")
        // Several counts in one sentence, each with its noun in the right form.
        #expect(german.render(Message("handover.imported", ["case": 9, "sender": "Ulm", "senderCase": 3, "persons": 1, "files": 2]))
                == "als Fall 9 importiert (von Ulm, Fall 3; 1 Person, 2 Dateien)")
        #expect(english.render(Message("review.saved", ["count": 1, "outcomes": 3, "conversation": 5, "next": .date(date)]))
                == "Review saved: 1 goal, 3 outcomes, conversation 5; next review 2026-11-27.")
        // A value holding braces is not filled in again.
        #expect(english.render(Message("note.added", ["note": "{note}"])) == "note {note} added")
    }

    /// A namespace is read when a text of it is first asked for; a file that is not a
    /// JSON object of texts falls back to the other locale's, with one warning.
    @Test func aNamespaceIsReadOnFirstUseAndABrokenFileFallsBack() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lotse-catalog-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Self.resources.appendingPathComponent("locales"), to: folder.appendingPathComponent("locales"))
        try Data("{\"help.seeHelp\": ".utf8).write(to: folder.appendingPathComponent("locales/de/help.json"))
        let told = Mutex<[Message]>([])
        let german = try Catalog.load(from: folder, locale: "de") { problem in told.withLock { $0.append(problem) } }
        #expect(german.render(Message("error.crash", ["file": "f"], namespace: "crash")).hasPrefix("ein interner Fehler"))
        #expect(told.withLock { $0 }.isEmpty)
        let english = try Catalog.load(from: Self.resources, locale: "en")
        let seeHelp = Message("help.seeHelp", ["command": "case show"], namespace: "help")
        #expect(german.render(seeHelp) == english.render(seeHelp))
        #expect(german.render(seeHelp) == english.render(seeHelp))
        #expect(told.withLock { $0 } == [Message("warning.locale.malformed", ["file": "locales/de/help.json", "other": "locales/en"])])
        #expect(throws: DataError.self) { try Catalog.load(from: folder, locale: "fr") }
    }

    /// The English help catalog says exactly what the commands declare (which the man
    /// pages are made from), so the two cannot drift apart.
    @Test func theEnglishHelpIsWhatTheCommandsDeclare() throws {
        struct Tree: Decodable { let command: Command }
        struct Command: Decodable {
            let commandName: String
            let abstract: String?
            let discussion: String?
            let subcommands: [Command]?
            let arguments: [Argument]?
        }
        struct Argument: Decodable {
            let shouldDisplay: Bool
            let abstract: String?
            let preferredName: HelpText.Argument.Name?
            let valueName: String?
        }
        let english = try Catalog.load(from: Self.resources, locale: "en")
        let help = HelpText(catalog: english)
        let declared = try JSONDecoder().decode(Tree.self, from: Data(Lotse._dumpHelp().utf8)).command
        let described = HelpText.tree
        func walk(_ command: Command, _ described: HelpText.Command, _ path: [String]) {
            let key = path.joined(separator: ".")
            if let abstract = command.abstract { #expect(english.render(Message("cmd.\(key).abstract", namespace: "help")) == abstract, "\(key)") }
            if let discussion = command.discussion { #expect(english.render(Message("cmd.\(key).discussion", namespace: "help")) == discussion, "\(key)") }
            for (argument, shape) in zip(command.arguments ?? [], described.arguments ?? []) where argument.shouldDisplay {
                #expect(help.abstract(shape, path: path) == (argument.abstract ?? ""), "\(key) \(shape.key)")
            }
            for sub in command.subcommands ?? [] where sub.commandName != "help" {
                guard let shape = described.subcommands?.first(where: { $0.commandName == sub.commandName }) else { continue }
                walk(sub, shape, path + [sub.commandName])
            }
        }
        walk(declared, described, ["lotse"])
    }

    @Test func everyCommandBelongsToOneAreaOfTheReplHelp() {
        var leaves: [String] = []
        func walk(_ command: HelpText.Command, _ path: [String]) {
            let subs = (command.subcommands ?? []).filter { $0.commandName != "help" }
            if subs.isEmpty, !path.isEmpty { leaves.append(path.joined(separator: " ")) }
            for sub in subs { walk(sub, path + [sub.commandName]) }
        }
        walk(HelpText.tree, [])
        let listed = CommandAreas.areas.flatMap { $0.entries.map(\.path) }
        #expect(listed.count == Set(listed).count, "a command in two areas")
        #expect(Set(listed).union(CommandAreas.outside) == Set(leaves))
    }

    @Test func helpListsOnlyWhatTheRolesAllow() throws {
        let german = try Catalog.load(from: Self.resources, locale: "de")
        let auditor = CommandAreas.overview(for: Principal(name: "pruefer", userId: 2, roles: [.auditor], staffId: nil, municipalityId: nil), catalog: german)
        #expect(auditor.contains("report ") && auditor.contains("audit log"))
        #expect(!auditor.contains("case new") && !auditor.contains("user add"))
        #expect(auditor.hasPrefix("Befehle für pruefer (Prüfung):"))
    }
}

/// The locale-file reader against Foundation's JSON decoder: the same texts from every
/// shipped file, and what JSON forbids refused.
@Suite struct LocaleFileTests {
    @Test func readsEveryShippedFileAsJSONDecoderDoes() throws {
        let locales = CatalogTests.resources.appendingPathComponent("locales")
        for locale in try FileManager.default.contentsOfDirectory(atPath: locales.path) {
            let folder = locales.appendingPathComponent(locale)
            for file in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
                let data = try Data(contentsOf: folder.appendingPathComponent(file))
                #expect(try LocaleFile.texts(Array(data)) == JSONDecoder().decode([String: String].self, from: data), "\(locale)/\(file)")
            }
        }
    }

    @Test func decodesEscapesAsJSONDoes() throws {
        let source = #" { "a" : "x\"y\\z\/\n\t\r\b\f" , "b":"\u00e4\u00DF \ud83d\ude00 Gr\u00fc\u00dfe", "c": "", "d": "fünf € 😀" } "#
        let data = Data(source.utf8)
        let texts = try LocaleFile.texts(Array(data))
        #expect(texts == (try JSONDecoder().decode([String: String].self, from: data)))
        #expect(texts == ["a": "x\"y\\z/\n\t\r\u{8}\u{C}", "b": "äß 😀 Grüße", "c": "", "d": "fünf € 😀"])
        // A repeated key keeps its last text, as Python's json and JavaScript read it.
        #expect(try LocaleFile.texts(Array(#"{"a": "first", "a": "last"}"#.utf8)) == ["a": "last"])
        #expect(try LocaleFile.texts(Array("{}".utf8)) == [:])
    }

    @Test func refusesWhatIsNotAnObjectOfStrings() {
        let malformed = [
            "", "[]", #"{"a": 1}"#, #"{"a": {"b": "c"}}"#, #"{"a": "b",}"#, #"{"a": "b"} x"#, #"{"a" "b"}"#,
            #"{"a": "b""#, #"{"a": "b\x"}"#, #"{"a": "\u12G4"}"#, #"{"a": "\u+123"}"#, #"{"a": "\ud83d"}"#,
            #"{"a": "\ude00"}"#, "{\"a\": \"line\nbreak\"}", #"{a: "b"}"#, #"{"a": null}"#,
        ]
        for text in malformed {
            #expect(throws: LocaleFile.Malformed.self, "\(text)") { try LocaleFile.texts(Array(text.utf8)) }
        }
        #expect(throws: LocaleFile.Malformed.self) { try LocaleFile.texts([UInt8(ascii: "{"), 0x22, 0xC3, 0x28, 0x22, 0x3A, 0x22, 0x22, UInt8(ascii: "}")]) }
    }
}
