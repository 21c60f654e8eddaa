/// A document to print, as blocks: what an agreement, a report or a Sachbericht says,
/// without how. The HTML template (`document-html`), the text template
/// (`document-text`) and the PDF writer (`PDFWriter`) each lay the same blocks out, so
/// the words stay in the catalogs and every format says the same.
public struct PrintDocument: Sendable, Equatable {
    /// The language of a run of words: pango shapes by it (Farsi and Arabic differ in
    /// letter forms), sets it in its direction, and names the font package it needs.
    public struct Language: Sendable, Equatable {
        public var tag: String
        public var rightToLeft: Bool
        public var fontPackage: String
        /// The font family set first for it ("Noto Naskh Arabic"); Noto Sans after it.
        public var font: String?

        public init(tag: String, rightToLeft: Bool = false, fontPackage: String = "fonts-noto-core", font: String? = nil) {
            self.tag = tag
            self.rightToLeft = rightToLeft
            self.fontPackage = fontPackage
            self.font = font
        }
    }

    public indirect enum Block: Sendable, Equatable {
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
        /// The same block in the document's language and in a client's, side by side
        /// (signatures: each label with its translation under it).
        case pair(Block, Block, Language)
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

    /// Copies of a document in one file, each on its own pages (the first's title).
    public init(_ copies: [PrintDocument]) {
        self.init(title: copies[0].title, language: copies[0].language,
                  blocks: Array(copies.map(\.blocks).joined(separator: [.pageBreak])), pageFooter: copies[0].pageFooter)
    }

    /// The blocks as a template model: one entry per block, with a flag naming its kind.
    public func model() -> [String: Any] {
        ["title": title, "lang": language, "blocks": blocks.map(\.model)]
    }
}

extension PrintDocument.Block {
    var isSubheading: Bool { if case .subheading = self { true } else { false } }

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
        case .pair(let first, let second, let language):
            if case .signatures(let labels) = first, case .signatures(let translated) = second {
                ["signatures": true, "lang": language.tag, "dir": language.rightToLeft ? "rtl" : "ltr",
                 "pairs": zip(labels, translated).map { ["first": $0, "second": $1] }, "text": signatureLines(zip(labels, translated).map { "\($0) / \($1)" })]
            } else {
                // "pair": false inside, so the block partial cannot find the outer pair again.
                ["pair": true, "first": first.model.merging(["pair": false]) { $1 }, "second": second.model.merging(["pair": false]) { $1 },
                 "lang": language.tag, "dir": language.rightToLeft ? "rtl" : "ltr"]
            }
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
