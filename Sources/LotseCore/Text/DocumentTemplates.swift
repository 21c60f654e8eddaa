import Foundation
import Mustache

/// The documents lotse writes (the report as text and HTML, the agreement for signing,
/// the subject access report, the handover and archive summaries) are Mustache
/// templates in `resources/templates/<locale>/NAME.mustache`; a county may put its own
/// in `/etc/lotse/templates/<locale>/` (looked up first), to fit its letterhead.
///
/// Values reach a template cleaned for its kind: every string has its control
/// characters made visible (`UntrustedText.visible`), and for HTML it is escaped as
/// well. So `{{name}}` and `{{{name}}}` print the same, and a county's template cannot
/// let stored text drive a terminal or inject markup. Numbers and booleans pass as
/// they are; what a template lays out (table rows, chart bars) comes as lists. A number
/// prints with its noun in the right form through the noun's name as a transform:
/// `{{case(waiting)}}` is "1 Fall" or "2 Fälle" (`count.case.one|other` in the catalog).
public struct DocumentTemplates: Sendable {
    public enum Kind: Sendable { case text, html }

    /// The county's own templates, looked up before the shipped ones.
    public static let countyFolder = URL(fileURLWithPath: "/etc/lotse/templates")

    private let library: MustacheLibrary
    /// The catalog of the templates' locale, which counts nouns.
    private let catalog: Catalog
    public var locale: String { catalog.locale }

    /// The templates for the catalog's locale: the shipped ones, replaced by the county's where it has one.
    public static func load(resources: URL, catalog: Catalog, county: URL = countyFolder) throws(DataError) -> DocumentTemplates {
        let locale = catalog.locale
        Self.registerContentTypes
        var library = MustacheLibrary()
        for folder in [resources.appendingPathComponent("templates").appendingPathComponent(locale), county.appendingPathComponent(locale)] {
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { continue }
            for name in names.sorted() where name.hasSuffix(".mustache") {
                let file = folder.appendingPathComponent(name)
                guard let data = FileManager.default.contents(atPath: file.path), let text = String(data: data, encoding: .utf8) else {
                    throw DataError("template.unreadable", ["path": .text(file.path)])
                }
                do {
                    library.register(try MustacheTemplate(string: text), named: String(name.dropLast(".mustache".count)))
                } catch {
                    throw DataError("template.invalid", ["path": .text(file.path)])
                }
            }
        }
        return DocumentTemplates(library: library, catalog: catalog)
    }

    /// Renders a document. A template that is missing is a configuration error.
    public func render(_ name: String, _ model: [String: Any], as kind: Kind) throws(DataError) -> String {
        guard let output = library.render(clean(model, kind), withTemplate: name) else {
            throw DataError("template.missing", ["name": .text(name), "locale": .text(locale)])
        }
        return output
    }

    /// Strings cleaned for the document kind, numbers able to count, everything else kept.
    func clean(_ value: Any, _ kind: Kind) -> Any {
        switch value {
        case let text as String:
            let visible = UntrustedText.visible(text)
            return kind == .html ? Self.escapeHTML(visible) : visible
        case let number as Int: return Count(shown: String(number), value: number, catalog: catalog)
        case let figure as Counted: return Count(shown: figure.shown, value: figure.value, catalog: catalog)
        case let dictionary as [String: Any]: return dictionary.mapValues { clean($0, kind) }
        case let array as [Any]: return array.map { clean($0, kind) }
        default: return value
        }
    }

    /// A number in a template: itself as `{{persons}}`, with a noun as `{{person(persons)}}`.
    private struct Count: CustomStringConvertible, MustacheTransformable {
        let shown: String
        let value: Int?
        let catalog: Catalog
        var description: String { shown }
        func transform(_ name: String) -> Any? { catalog.counted(shown, value: value, noun: name) }
    }

    /// A figure as a report shows it ("12", or "<3" where a small number is withheld),
    /// counted in the plural unless it is exactly 1.
    public struct Counted: Sendable {
        public let shown: String
        public let value: Int?
        public init(shown: String, value: Int?) { (self.shown, self.value) = (shown, value) }
    }

    public static func escapeHTML(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
            .replacingOccurrences(of: "\"", with: "&quot;").replacingOccurrences(of: "'", with: "&#39;")
    }

    /// Values are cleaned before rendering, so both content types pass them through
    /// (escaping again would show `&amp;amp;`).
    private static let registerContentTypes: Void = {
        MustacheContentTypes.register(PassThrough(), named: "HTML")
        MustacheContentTypes.register(PassThrough(), named: "TEXT")
    }()

    private struct PassThrough: MustacheContentType {
        func escapeText(_ text: String) -> String { text }
    }
}
