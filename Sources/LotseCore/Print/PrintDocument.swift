/// A document to print, as blocks: what an agreement, a report or a Sachbericht says,
/// without how. The HTML template (`document-html`), the text template
/// (`document-text`) and the PDF writer (`PDFWriter`) each lay the same blocks out, so
/// the words stay in the catalogs and every format says the same.
public struct PrintDocument: Sendable, Equatable {
    public enum Block: Sendable, Equatable {
        case heading(String)
        case subheading(String)
        case paragraph(String)
        /// Small print: notes, the legal basis.
        case note(String)
        /// A numbered item with lines under it (a goal with its wording); kept on one page.
        case item(title: String, lines: [String])
        /// Columns after the first are right-aligned when `numeric`.
        case table(header: [String], rows: [[String]], numeric: Bool)
        /// A line to sign on per label ("Ort, Datum", a person's name), two side by side.
        case signatures([String])
        /// A horizontal bar chart: a title, then one bar per label with its value shown.
        case chart(title: String, bars: [Bar])
        case pageBreak
    }

    /// One bar: its label, the value as shown ("12", "<5") and its length as a share of
    /// the longest (0...1; a suppressed value is drawn empty).
    public struct Bar: Sendable, Equatable {
        public var label: String
        public var value: String
        public var share: Double

        public init(label: String, value: String, share: Double) {
            self.label = label
            self.value = value
            self.share = min(1, max(0, share))
        }
    }

    public var title: String
    /// The language of the words (the HTML's `lang`, pango's language).
    public var language: String
    public var blocks: [Block]
    /// The footer of every PDF page: "{page}" and "{pages}" filled in by the writer.
    public var pageFooter: String

    public init(title: String, language: String, blocks: [Block], pageFooter: String) {
        self.title = title
        self.language = language
        self.blocks = blocks
        self.pageFooter = pageFooter
    }

    /// The blocks as a template model: one entry per block, with a flag naming its kind.
    public func model() -> [String: Any] {
        ["title": title, "lang": language, "blocks": blocks.map(\.model)]
    }
}

extension PrintDocument.Block {
    var model: [String: Any] {
        switch self {
        case .heading(let text): ["heading": true, "text": text]
        case .subheading(let text): ["subheading": true, "text": text]
        case .paragraph(let text): ["paragraph": true, "text": text]
        case .note(let text): ["note": true, "text": text]
        case .item(let title, let lines): ["item": true, "text": title, "lines": lines]
        case .table(let header, let rows, let numeric):
            ["table": true, "header": header, "rows": rows.map { ["first": $0.first ?? "", "rest": Array($0.dropFirst())] },
             "numeric": numeric, "text": TextTable(header: header, rows: rows).render()]
        case .signatures(let labels): ["signatures": true, "labels": labels, "text": signatureLines(labels)]
        case .chart(let title, let bars):
            ["chart": true, "title": title,
             "bars": bars.map { ["label": $0.label, "value": $0.value, "percent": Int(($0.share * 100).rounded())] as [String: Any] },
             "text": TextTable(header: [title, ""], rows: bars.map { [$0.label, $0.value] }).render()]
        case .pageBreak: ["pageBreak": true]
        }
    }
}

/// Signature lines as plain text: pairs of "______" lines with their labels under them.
private func signatureLines(_ labels: [String]) -> String {
    let rule = String(repeating: "_", count: 32)
    func pad(_ text: String) -> String { text + String(repeating: " ", count: max(0, 32 - text.count)) }
    return stride(from: 0, to: labels.count, by: 2).map { start in
        let pair = Array(labels[start..<min(start + 2, labels.count)])
        return "\n\n" + pair.map { _ in rule }.joined(separator: "    ") + "\n" + pair.map(pad).joined(separator: "    ").trimmingTrailingSpaces()
    }.joined(separator: "\n")
}
