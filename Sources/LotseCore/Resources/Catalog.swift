import Foundation
import PluginKit
import Synchronization

/// The texts of one locale, read from `resources/locales/<lang>/<namespace>.json`
/// (namespace: "core", "help", "crash" or a module id). Code holds structure only; every
/// word a user reads comes from here. A missing text falls back to the other shipped
/// locale, then to its key, so a gap shows up as a visible key rather than a crash.
///
/// A namespace is read when its first text is asked for, not at start-up: a command
/// reads only the files it speaks from (`case show --json` none but the crash line's),
/// where reading and checking both locales' 3,400 texts took a fifth of it (issue #15).
public struct Catalog: Sendable {
    public let locale: String
    private let shelf: Shelf

    /// A catalog of the texts given (tests; the catalog before resources are found).
    public init(locale: String, texts: [String: [String: String]], fallback: [String: [String: String]] = [:]) {
        self.locale = locale
        let namespaces = Set(texts.keys).union(fallback.keys)
        shelf = Shelf(source: nil, loaded: Dictionary(uniqueKeysWithValues: namespaces.map {
            ($0, Namespace(texts: texts[$0] ?? [:], fallback: fallback[$0] ?? [:]))
        }))
    }

    /// A locale's catalog, with the other shipped locale as the fallback. Each namespace
    /// is checked when it is read: every text against its counterpart there, the same
    /// `{placeholders}` and the same number of `|`-separated columns. One that differs (a
    /// county's edit that dropped a column) is set aside, the counterpart used instead and
    /// `problem` told; so is a file that is not a JSON object of texts. A broken locale
    /// file degrades its texts, never crashes a report.
    public static func load(from resources: URL, locale: String,
                            problem: (@Sendable (Message) -> Void)? = nil) throws(DataError) -> Catalog {
        let locales = resources.appendingPathComponent("locales")
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: locales.appendingPathComponent(locale).path, isDirectory: &isFolder), isFolder.boolValue else {
            throw DataError("error.locale.missing", ["locale": .text(locale), "folder": .text(locales.appendingPathComponent(locale).path)])
        }
        let shipped = (try? FileManager.default.contentsOfDirectory(atPath: locales.path)) ?? []
        let other = shipped.sorted().first { $0 != locale } ?? locale
        return Catalog(locale: locale, shelf: Shelf(source: Source(locales: locales, locale: locale, other: other, problem: problem), loaded: [:]))
    }

    private init(locale: String, shelf: Shelf) {
        self.locale = locale
        self.shelf = shelf
    }

    /// How a text's shape differs from its counterpart's, or nil.
    public static func shapeProblem(_ text: String, _ counterpart: String) -> Message? {
        let names = placeholders(text), expectedNames = placeholders(counterpart)
        if names != expectedNames, Set(names) != Set(expectedNames) { return Message("warning.locale.placeholders") }
        let columns = columnCount(text), expected = columnCount(counterpart)
        if columns != expected { return Message("warning.locale.columns", ["columns": .number(columns), "expected": .number(expected)]) }
        return nil
    }

    /// The `{names}` a text fills in, in order. Read from its bytes: a namespace's texts
    /// are all checked when it is read, and walking characters (or hashing each name
    /// into a set) cost more than the rest.
    static func placeholders(_ text: String) -> [Substring] {
        var names: [Substring] = []
        let bytes = text.utf8
        var open: String.Index?
        var index = bytes.startIndex
        while index != bytes.endIndex {
            switch bytes[index] {
            case UInt8(ascii: "{") where open == nil: open = index
            case UInt8(ascii: "}"):
                // `{persons#person}` fills in `persons`, counted with the noun `person`.
                if let start = open { names.append(text[bytes.index(after: start)..<index].prefix { $0 != "#" }) }
                open = nil
            default: break
            }
            bytes.formIndex(after: &index)
        }
        return names
    }

    /// How many `|`-separated columns a text has.
    static func columnCount(_ text: String) -> Int {
        text.utf8.reduce(1) { $1 == UInt8(ascii: "|") ? $0 + 1 : $0 }
    }

    /// Every namespace of a locale at once (the catalog tests); a file that is not a
    /// JSON object of texts is an error here.
    package static func readLocale(_ resources: URL, _ locale: String) throws(DataError) -> [String: [String: String]] {
        let folder = resources.appendingPathComponent("locales").appendingPathComponent(locale)
        guard let files = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else {
            throw DataError("error.locale.missing", ["locale": .text(locale), "folder": .text(folder.path)])
        }
        var texts: [String: [String: String]] = [:]
        for file in files where file.hasSuffix(".json") {
            let url = folder.appendingPathComponent(file)
            guard let table = readFile(url) else { throw DataError("error.locale.malformed", ["file": .text(url.path)]) }
            texts[String(file.dropLast(".json".count))] = table
        }
        return texts
    }

    /// One locale file's texts; nil when it is not a JSON object of texts, [:] when
    /// there is no such file.
    static func readFile(_ url: URL) -> [String: String]? {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            return FileManager.default.fileExists(atPath: url.path) ? nil : [:]
        }
        return try? LocaleFile.texts(Array(data))
    }

    /// A date as the locale writes it (`format.date`: 27.11.2026 in German).
    public func date(_ value: LocalDate) -> String {
        let parts = value.iso.split(separator: "-").map(String.init)
        return text("core", "format.date", ["year": parts[0], "month": parts[1], "day": parts[2]])
    }

    /// A decimal as the locale writes it (1,5 in German).
    public func decimal(_ value: Double, places: Int) -> String {
        String(format: "%.\(places)f", value).replacingOccurrences(of: ".", with: text("core", "format.decimalSeparator"))
    }

    /// The text for a key, with `{name}` placeholders filled in as given; a
    /// `{name#noun}` counts with the noun (a value that is no number, such as a
    /// withheld "<3", takes the plural).
    public func text(_ namespace: String, _ key: String, _ arguments: [String: String] = [:]) -> String {
        fill(template(namespace, key)) { placeholder in
            guard let hash = placeholder.firstIndex(of: "#") else { return arguments[String(placeholder)] }
            return arguments[String(placeholder[..<hash])].map { counted($0, value: Int($0), noun: placeholder[placeholder.index(after: hash)...]) }
        }
    }

    /// A message in this locale. With a `count` argument, `KEY.one` or `KEY.other` is
    /// used where the catalog has it ("1 Fall", "2 Fälle"). A placeholder `{name#noun}`
    /// writes the number `name` with its noun from `count.noun.one` or `count.noun.other`,
    /// so one sentence can count several things ("1 Person, 2 Dateien"). A key the catalog
    /// lacks shows as itself, so a gap is visible rather than a crash.
    public func render(_ message: Message) -> String {
        var key = message.key
        if case .number(let count)? = message.arguments["count"] {
            let plural = key + (count == 1 ? ".one" : ".other")
            if shelf.namespace(message.namespace).text(plural) != nil { key = plural }
        }
        return fill(template(message.namespace, key)) { placeholder in
            guard let hash = placeholder.firstIndex(of: "#") else { return message.arguments[String(placeholder)].map(format) }
            guard let value = message.arguments[String(placeholder[..<hash])] else { return nil }
            let count: Int? = if case .number(let count) = value { count } else { nil }
            return counted(format(value), value: count, noun: placeholder[placeholder.index(after: hash)...])
        }
    }

    /// A number as shown ("2", or a withheld "<3") with its noun in the right form:
    /// "1 Fall", "2 Fälle"; the singular only for exactly 1.
    public func counted(_ shown: String, value: Int?, noun: some StringProtocol) -> String {
        text("core", "count.\(noun).\(value == 1 ? "one" : "other")", ["count": shown])
    }

    /// One value as the locale writes it.
    public func format(_ value: TextValue) -> String {
        switch value {
        case .text(let text): text
        case .number(let number): String(number)
        case .decimal(let number, let places): decimal(number, places: places)
        case .date(let day): date(day)
        case .label(let key): text("core", key)
        case .list(let values): values.map(format).joined(separator: text("core", "format.listSeparator"))
        case .lines(let values): values.map(format).joined(separator: "\n")
        case .alternatives(let values):
            // "a, b oder c": the list separator between all but the last two.
            values.count < 2 ? values.map(format).joined()
                : values.dropLast().map(format).joined(separator: text("core", "format.listSeparator"))
                    + text("core", "format.orSeparator") + format(values[values.count - 1])
        case .message(let inner): render(inner)
        }
    }

    private func template(_ namespace: String, _ key: String) -> String {
        shelf.namespace(namespace).text(key) ?? Self.lastResort[key] ?? key
    }

    /// The few texts needed when the locale files themselves cannot be found or read
    /// (then no catalog exists to say so). English, as the words of the file system
    /// and the install guide are.
    private static let lastResort = [
        "error.resources.notFound": "resources not found (looked in {folders}); set LOTSE_RESOURCES to the resources folder",
        "error.resources.system": "resources not found in {folder}; reinstall the lotse package",
        "error.locale.missing": "no texts for locale \"{locale}\" in {folder}; use \"de\" or \"en\"",
        "error.locale.malformed": "{file}: expected a JSON object of text strings; fix or reinstall the resources",
        "warning.locale": "warning: {problem}",
        "warning.locale.malformed": "{file}: expected a JSON object of text strings; using the texts of {other}",
        "format.listSeparator": ", ",
    ]

    /// `{name}` placeholders replaced in one pass (a value holding braces stays as it is).
    private func fill(_ template: String, _ value: (Substring) -> String?) -> String {
        guard template.contains("{") else { return template }
        var result = ""
        var rest = template[...]
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            result += rest[..<open]
            result += value(rest[rest.index(after: open)..<close]) ?? String(rest[open...close])
            rest = rest[rest.index(after: close)...]
        }
        return result + rest
    }
}

/// One namespace: the locale's texts (those that passed the check) and the other
/// locale's, to fall back on.
private struct Namespace: Sendable {
    var texts: [String: String]
    var fallback: [String: String]

    func text(_ key: String) -> String? { texts[key] ?? fallback[key] }
}

/// Where a catalog reads its namespaces from, and whom it tells of a text set aside.
private struct Source: Sendable {
    let locales: URL
    let locale: String
    /// The other shipped locale, which the texts are checked against and fall back to.
    let other: String
    let problem: (@Sendable (Message) -> Void)?

    /// A namespace read and checked, and what was set aside.
    func read(_ name: String) -> (Namespace, [Message]) {
        let file = "locales/\(locale)/\(name).json", otherFolder = "locales/\(other)"
        let reference = (other == locale ? nil : Catalog.readFile(locales.appendingPathComponent(other).appendingPathComponent("\(name).json"))) ?? [:]
        guard var texts = Catalog.readFile(locales.appendingPathComponent(locale).appendingPathComponent("\(name).json")) else {
            return (Namespace(texts: [:], fallback: reference),
                    [Message("warning.locale.malformed", ["file": .text(file), "other": .text(otherFolder)])])
        }
        var problems: [(String, Message)] = []
        for (key, text) in texts {
            guard let counterpart = reference[key], var problem = Catalog.shapeProblem(text, counterpart) else { continue }
            problem = Message(problem.key, problem.arguments.merging(["file": .text(file), "key": .text(key), "other": .text(otherFolder)]) { $1 })
            problems.append((key, problem))
            texts[key] = nil
        }
        return (Namespace(texts: texts, fallback: reference), problems.sorted { $0.0 < $1.0 }.map(\.1))
    }
}

/// The namespaces read so far, shared by every copy of a catalog.
private final class Shelf: Sendable {
    let source: Source?
    let loaded: Mutex<[String: Namespace]>

    init(source: Source?, loaded: [String: Namespace]) {
        self.source = source
        self.loaded = Mutex(loaded)
    }

    /// A namespace, read on first use. What its check set aside is told once, outside
    /// the lock: telling renders a message, which may read another namespace.
    func namespace(_ name: String) -> Namespace {
        if let namespace = loaded.withLock({ $0[name] }) { return namespace }
        guard let source else { return Namespace(texts: [:], fallback: [:]) }
        let (read, problems) = source.read(name)
        let (namespace, first) = loaded.withLock { loaded -> (Namespace, Bool) in
            if let earlier = loaded[name] { return (earlier, false) }
            loaded[name] = read
            return (read, true)
        }
        if first, let tell = source.problem { problems.forEach(tell) }
        return namespace
    }
}
