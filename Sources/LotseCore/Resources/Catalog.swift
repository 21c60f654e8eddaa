import Foundation

/// The texts of one locale, read from `resources/locales/<lang>/<namespace>.json`
/// (namespace: "core" or a module id). Code holds structure only; every word a user
/// reads comes from here. A missing text falls back to German, then to its key, so a
/// gap shows up as a visible key rather than a crash.
public struct Catalog: Sendable {
    public let locale: String
    private let texts: [String: [String: String]]
    private let fallback: [String: [String: String]]

    public init(locale: String, texts: [String: [String: String]], fallback: [String: [String: String]] = [:]) {
        self.locale = locale
        self.texts = texts
        self.fallback = fallback
    }

    /// Loads a locale (and German as the fallback).
    public static func load(from resources: URL, locale: String) throws(DataError) -> Catalog {
        let texts = try readLocale(resources, locale)
        return Catalog(locale: locale, texts: texts, fallback: locale == "de" ? [:] : try readLocale(resources, "de"))
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

    /// The text for a key, with `{name}` placeholders filled in.
    public func text(_ namespace: String, _ key: String, _ arguments: [String: String] = [:]) -> String {
        var result = texts[namespace]?[key] ?? fallback[namespace]?[key] ?? key
        for (name, value) in arguments { result = result.replacingOccurrences(of: "{\(name)}", with: value) }
        return result
    }
}
