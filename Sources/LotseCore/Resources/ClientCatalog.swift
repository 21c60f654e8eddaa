import Foundation

/// The words of the documents a client reads, in the client's language:
/// `resources/client-locales/<tag>.json` (a county adds or replaces one in
/// `/etc/lotse/client-locales/`). `de.json` is the source: the texts in plain German
/// ("einfach"), from which the others are translated; every other file has the same
/// keys with the same `{placeholders}`, checked when the catalogs are read. A file names
/// its language's script and direction (pango shapes and sets it by them), the Debian
/// package whose fonts show it, and whether a qualified translator reviewed it: a
/// document printed from an unreviewed file says so in small print.
public struct ClientCatalog: Sendable {
    /// The BCP 47 tag ("ar", "fa-AF").
    public let language: String
    /// The language's own name ("العربية").
    public let name: String
    /// ISO 15924 script ("Arab").
    public let script: String
    public let rightToLeft: Bool
    public let fontPackage: String
    /// The font family to set it in first, where Noto Sans lacks the script's best forms.
    public let font: String?
    public let reviewed: Bool
    private let texts: [String: String]

    /// The source of the translations; never printed beside the German it restates.
    public static let source = "de"
    /// U+2068 FIRST STRONG ISOLATE and U+2069 POP DIRECTIONAL ISOLATE: a stored name set
    /// into a right-to-left sentence keeps its own direction and cannot turn the line.
    public static func isolated(_ name: String) -> String { "\u{2068}\(name)\u{2069}" }

    /// The text of `key` with its placeholders filled in (values as given).
    public func text(_ key: String, _ arguments: [String: String] = [:]) -> String {
        var text = texts[key] ?? key
        for (name, value) in arguments { text = text.replacingOccurrences(of: "{\(name)}", with: value) }
        return text
    }

    public func has(_ key: String) -> Bool { texts[key] != nil }

    private struct File: Decodable {
        let language: String
        let name: String
        let script: String
        let direction: String
        let fontPackage: String
        let font: String?
        let reviewed: Bool
        let texts: [String: String]
    }

    /// The shipped catalogs, with the county's read after them (replacing a shipped one
    /// of the same language). Any file that does not match the German source is a
    /// configuration error naming the file and what is wrong.
    public static func load(resources: URL, county: URL?) throws(DataError) -> [String: ClientCatalog] {
        var files: [(URL, File)] = []
        for folder in [resources.appendingPathComponent("client-locales")] + (county.map { [$0] } ?? []) {
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { continue }
            for name in names.sorted() where name.hasSuffix(".json") {
                let url = folder.appendingPathComponent(name)
                guard let data = FileManager.default.contents(atPath: url.path), data.count <= 1 << 20 else {
                    throw DataError("clientCatalog.invalid", ["path": .text(url.path), "problem": .label("clientCatalog.unreadable")])
                }
                do { files.append((url, try JSONDecoder().decode(File.self, from: data))) } catch {
                    throw DataError("clientCatalog.invalid", ["path": .text(url.path), "problem": .message(BundleReader.describe(error))])
                }
            }
        }
        guard let source = files.last(where: { $0.1.language == Self.source })?.1 else {
            throw DataError("resources.missing", ["path": .text(resources.appendingPathComponent("client-locales/\(Self.source).json").path)])
        }
        var catalogs: [String: ClientCatalog] = [:]
        for (url, file) in files {
            func invalid(_ problem: Message) -> DataError { DataError("clientCatalog.invalid", ["path": .text(url.path), "problem": .message(problem)]) }
            guard url.deletingPathExtension().lastPathComponent == file.language else {
                throw invalid(Message("clientCatalog.fileName", ["language": .text(file.language)]))
            }
            guard ["ltr", "rtl"].contains(file.direction) else { throw invalid(Message("clientCatalog.direction", ["value": .text(file.direction)])) }
            let missing = Set(source.texts.keys).subtracting(file.texts.keys), extra = Set(file.texts.keys).subtracting(source.texts.keys)
            if let key = missing.min() { throw invalid(Message("clientCatalog.missing", ["key": .text(key)])) }
            if let key = extra.min() { throw invalid(Message("clientCatalog.extra", ["key": .text(key)])) }
            for (key, text) in file.texts.sorted(by: { $0.key < $1.key }) {
                if UntrustedText.controlCharacter(in: text) != nil { throw invalid(Message("clientCatalog.control", ["key": .text(key)])) }
                if Catalog.shapeProblem(text, source.texts[key]!) != nil { throw invalid(Message("clientCatalog.shape", ["key": .text(key)])) }
            }
            catalogs[file.language] = ClientCatalog(language: file.language, name: file.name, script: file.script, rightToLeft: file.direction == "rtl",
                                                    fontPackage: file.fontPackage, font: file.font, reviewed: file.reviewed, texts: file.texts)
        }
        return catalogs
    }
}
