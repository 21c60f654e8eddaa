import PluginKit
import Foundation

/// The texts of one locale, read from `resources/locales/<lang>/<namespace>.json`
/// (namespace: "core" or a module id). Code holds structure only; every word a user
/// reads comes from here. A missing text falls back to German, then to its key, so a
/// gap shows up as a visible key rather than a crash.
public struct Catalog: Sendable {
    public let locale: String
    private let texts: [String: [String: String]]
    private let fallback: [String: [String: String]]
    /// Texts that were set aside at load because their shape differs from the other
    /// locale's (placeholders, table columns): one message each, for a warning.
    public private(set) var problems: [Message] = []

    public init(locale: String, texts: [String: [String: String]], fallback: [String: [String: String]] = [:]) {
        self.locale = locale
        self.texts = texts
        self.fallback = fallback
    }

    /// Loads a locale, with the other shipped locale as the fallback. Every text is
    /// checked against its counterpart there: the same `{placeholders}` and the same
    /// number of `|`-separated columns. One that differs (a county's edit that dropped a
    /// column) is set aside, with a warning, and the counterpart used instead, so a
    /// broken locale file degrades one text, never crashes a report.
    public static func load(from resources: URL, locale: String) throws(DataError) -> Catalog {
        var texts = try readLocale(resources, locale)
        let shipped = (try? FileManager.default.contentsOfDirectory(atPath: resources.appendingPathComponent("locales").path)) ?? []
        let other = shipped.sorted().first { $0 != locale } ?? locale
        let reference = (try? readLocale(resources, other)) ?? [:]
        var problems: [(String, Message)] = []
        for (namespace, table) in texts {
            for (key, text) in table {
                guard let counterpart = reference[namespace]?[key], var problem = shapeProblem(text, counterpart) else { continue }
                problem = Message(problem.key, problem.arguments.merging(
                    ["file": .text("locales/\(locale)/\(namespace).json"), "key": .text(key), "other": .text("locales/\(other)")]) { $1 })
                problems.append(("\(namespace).\(key)", problem))
                texts[namespace]?[key] = nil
            }
        }
        var catalog = Catalog(locale: locale, texts: texts, fallback: reference)
        catalog.problems = problems.sorted { $0.0 < $1.0 }.map(\.1)
        return catalog
    }

    /// How a text's shape differs from its counterpart's, or nil.
    public static func shapeProblem(_ text: String, _ counterpart: String) -> Message? {
        let names = placeholders(text), expectedNames = placeholders(counterpart)
        if names != expectedNames, Set(names) != Set(expectedNames) { return Message("warning.locale.placeholders") }
        let columns = columnCount(text), expected = columnCount(counterpart)
        if columns != expected { return Message("warning.locale.columns", ["columns": .number(columns), "expected": .number(expected)]) }
        return nil
    }

    /// The `{names}` a text fills in, in order. Read from its bytes: every command checks
    /// every text of two locales at start-up, and walking characters (or hashing each
    /// name into a set) cost more than the rest.
    static func placeholders(_ text: String) -> [Substring] {
        var names: [Substring] = []
        let bytes = text.utf8
        var open: String.Index?
        var index = bytes.startIndex
        while index != bytes.endIndex {
            switch bytes[index] {
            case UInt8(ascii: "{") where open == nil: open = index
            case UInt8(ascii: "}"):
                if let start = open { names.append(text[bytes.index(after: start)..<index]) }
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

    public static func readLocale(_ resources: URL, _ locale: String) throws(DataError) -> [String: [String: String]] {
        let folder = resources.appendingPathComponent("locales").appendingPathComponent(locale)
        guard let files = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else {
            throw DataError("error.locale.missing", ["locale": .text(locale), "folder": .text(folder.path)])
        }
        var texts: [String: [String: String]] = [:]
        for file in files where file.hasSuffix(".json") {
            let url = folder.appendingPathComponent(file)
            guard let data = FileManager.default.contents(atPath: url.path), let table = try? LocaleFile.texts(Array(data)) else {
                throw DataError("error.locale.malformed", ["file": .text(url.path)])
            }
            texts[String(file.dropLast(".json".count))] = table
        }
        return texts
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

    /// The text for a key, with `{name}` placeholders filled in as given.
    public func text(_ namespace: String, _ key: String, _ arguments: [String: String] = [:]) -> String {
        fill(template(namespace, key), arguments)
    }

    /// A message in this locale. With a `count` argument, `KEY.one` or `KEY.other` is
    /// used where the catalog has it ("1 Fall", "2 Fälle"). A key the catalog lacks
    /// shows as itself, so a gap is visible rather than a crash.
    public func render(_ message: Message) -> String {
        var key = message.key
        if case .number(let count)? = message.arguments["count"] {
            let plural = key + (count == 1 ? ".one" : ".other")
            if texts[message.namespace]?[plural] ?? fallback[message.namespace]?[plural] != nil { key = plural }
        }
        return fill(template(message.namespace, key), message.arguments.mapValues(format))
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
        case .alternatives(let values): values.map(format).joined(separator: text("core", "format.orSeparator"))
        case .message(let inner): render(inner)
        }
    }

    private func template(_ namespace: String, _ key: String) -> String {
        texts[namespace]?[key] ?? fallback[namespace]?[key] ?? Self.lastResort[key] ?? key
    }

    /// The few texts needed when the locale files themselves cannot be found or read
    /// (then no catalog exists to say so). English, as the words of the file system
    /// and the install guide are.
    private static let lastResort = [
        "error.resources.notFound": "resources not found (looked in {folders}); set LOTSE_RESOURCES to the resources folder",
        "error.resources.system": "resources not found in {folder}; reinstall the lotse package",
        "error.locale.missing": "no texts for locale \"{locale}\" in {folder}; use \"de\" or \"en\"",
        "error.locale.malformed": "{file}: expected a JSON object of text strings; fix or reinstall the resources",
        "format.listSeparator": ", ",
    ]

    /// `{name}` placeholders replaced in one pass (a value holding braces stays as it is).
    private func fill(_ template: String, _ arguments: [String: String]) -> String {
        guard template.contains("{") else { return template }
        var result = ""
        var rest = template[...]
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            result += rest[..<open]
            result += arguments[String(rest[rest.index(after: open)..<close])] ?? String(rest[open...close])
            rest = rest[rest.index(after: close)...]
        }
        return result + rest
    }
}
