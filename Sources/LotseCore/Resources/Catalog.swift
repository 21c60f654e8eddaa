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
    /// locale's (placeholders, table columns): one line each, for a warning.
    public private(set) var problems: [String] = []

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
        let other = locale == "de" ? "en" : "de"
        let reference = (try? readLocale(resources, other)) ?? [:]
        var problems: [String] = []
        for (namespace, table) in texts {
            for (key, text) in table {
                guard let counterpart = reference[namespace]?[key], let problem = shapeProblem(text, counterpart) else { continue }
                problems.append("locales/\(locale)/\(namespace).json: \(key) \(problem) than locales/\(other); using the \(other) text")
                texts[namespace]?[key] = nil
            }
        }
        var catalog = Catalog(locale: locale, texts: texts, fallback: reference)
        catalog.problems = problems.sorted()
        return catalog
    }

    /// How a text's shape differs from its counterpart's, or nil.
    static func shapeProblem(_ text: String, _ counterpart: String) -> String? {
        if placeholders(text) != placeholders(counterpart) { return "has other {placeholders}" }
        let columns = text.split(separator: "|", omittingEmptySubsequences: false).count
        let expected = counterpart.split(separator: "|", omittingEmptySubsequences: false).count
        if columns != expected { return "has \(columns) columns, \(columns < expected ? "fewer" : "more")" }
        return nil
    }

    static func placeholders(_ text: String) -> Set<Substring> {
        var names: Set<Substring> = []
        var rest = text[...]
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            names.insert(rest[rest.index(after: open)..<close])
            rest = rest[rest.index(after: close)...]
        }
        return names
    }

    public static func readLocale(_ resources: URL, _ locale: String) throws(DataError) -> [String: [String: String]] {
        let folder = resources.appendingPathComponent("locales").appendingPathComponent(locale)
        guard let files = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else {
            throw DataError("no texts for locale \"\(locale)\" in \(folder.path); use \"de\" or \"en\"")
        }
        var texts: [String: [String: String]] = [:]
        for file in files where file.hasSuffix(".json") {
            let url = folder.appendingPathComponent(file)
            guard let data = FileManager.default.contents(atPath: url.path),
                  let table = try? JSONDecoder().decode([String: String].self, from: data) else {
                throw DataError("\(url.path): expected a JSON object of text strings; fix or reinstall the resources")
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

    /// The text for a key, with `{name}` placeholders filled in.
    public func text(_ namespace: String, _ key: String, _ arguments: [String: String] = [:]) -> String {
        var result = texts[namespace]?[key] ?? fallback[namespace]?[key] ?? key
        for (name, value) in arguments { result = result.replacingOccurrences(of: "{\(name)}", with: value) }
        return result
    }
}
