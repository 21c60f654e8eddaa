import CPango
import Foundation

/// pango's and cairo's functions, opened with the first PDF a command writes
/// (`Sources/CPango/shim.h` says why).
let libpango = SharedLibrary.open(LOTSE_PANGOCAIRO_LIBRARY) { lotse_pango_open() }

/// Sets a `PrintDocument` on A4 pages with pango and cairo: Noto Sans, headings, wrapped
/// paragraphs, tables, items kept on one page, signature lines, and "page N of M" at the
/// foot of each page; a client's language beside the document's (`Block.pair`), shaped
/// for its language and set in its direction. The file is built in a private temporary
/// folder and returned as bytes, so the caller writes it to its place the safe way.
/// A document with a character no installed font can show is refused, naming the
/// language and the font package: a signed page must show every word.
public struct PDFWriter {
    public static let pageWidth = 595.276, pageHeight = 841.89
    static let margin = 56.7, footerHeight = 28.0
    static var textWidth: Double { pageWidth - 2 * margin }

    public init() {}

    /// The PDF's bytes.
    public func render(_ document: PrintDocument) throws -> Data {
        let pango = try libpango.get()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lotse-pdf-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("document.pdf")
        guard let surface = pango.cairo_pdf_surface_create(file.path, Self.pageWidth, Self.pageHeight), pango.cairo_surface_status(surface) == 0 else {
            throw DataError("pdf.failed", ["path": .text(file.path)])
        }
        pango.cairo_pdf_surface_set_metadata(surface, 0, document.title)  // CAIRO_PDF_METADATA_TITLE
        pango.cairo_pdf_surface_set_metadata(surface, 4, "lotse")         // CAIRO_PDF_METADATA_CREATOR
        let cr = pango.cairo_create(surface)!
        var setter = Setter(pango: pango, cr: cr, language: PrintDocument.Language(tag: document.language))
        let pages = setter.paginate(document.blocks)
        if let missing = setter.missingGlyphs.first {
            setter.release()
            pango.cairo_destroy(cr)
            pango.cairo_surface_destroy(surface)
            throw DataError("pdf.missingGlyphs", ["language": .label("lang.\(missing.language.tag)"), "count": .number(missing.count),
                                                  "package": .text(missing.language.fontPackage)])
        }
        for (index, page) in pages.enumerated() {
            for placed in page { setter.draw(placed) }
            let footer = document.pageFooter.replacingOccurrences(of: "{page}", with: String(index + 1))
                .replacingOccurrences(of: "{pages}", with: String(pages.count))
            setter.draw(Placed(kind: .text(setter.layout(footer, font: Setter.small, width: Self.textWidth, alignment: 1)), x: Self.margin,
                               y: Self.pageHeight - Self.margin + 8))
            pango.cairo_show_page(cr)
        }
        setter.release()
        let status = pango.cairo_status(cr)
        pango.cairo_destroy(cr)
        pango.cairo_surface_finish(surface)
        pango.cairo_surface_destroy(surface)
        guard status == 0, let data = FileManager.default.contents(atPath: file.path) else { throw DataError("pdf.failed", ["path": .text(file.path)]) }
        return data
    }

    /// The glyph ids pango shapes `text` into in `language`, in visual order: to check
    /// that letters were joined into their contextual forms, which the PDF's text layer
    /// (the source text) cannot show.
    public func glyphs(_ text: String, language: PrintDocument.Language) throws -> [UInt32] {
        let pango = try libpango.get()
        guard let surface = pango.cairo_pdf_surface_create("/dev/null", Self.pageWidth, Self.pageHeight) else { throw DataError("pdf.failed", ["path": .text("/dev/null")]) }
        let cr = pango.cairo_create(surface)!
        var setter = Setter(pango: pango, cr: cr, language: language)
        let layout = setter.layout(text, font: Setter.body, width: Self.textWidth, language: language)
        var ids: [UInt32] = []
        let iterator = pango.pango_layout_get_iter(layout)!
        repeat {
            guard let run = pango.pango_layout_iter_get_run_readonly(iterator) else { continue }
            var buffer = [UInt32](repeating: 0, count: 256)
            let count = Int(lotse_pango_run_glyphs(run, &buffer, Int32(buffer.count)))
            ids += buffer.prefix(min(count, buffer.count))
        } while pango.pango_layout_iter_next_run(iterator) != 0
        pango.pango_layout_iter_free(iterator)
        setter.release()
        pango.cairo_destroy(cr)
        pango.cairo_surface_destroy(surface)
        return ids
    }
}

/// One thing on a page, at its place.
struct Placed {
    enum Kind {
        case text(OpaquePointer)
        case line(width: Double)
        case bar(width: Double, height: Double)
    }
    var kind: Kind
    var x: Double
    var y: Double
}

/// Lays blocks out into pages and draws them.
private struct Setter {
    static let body = "Noto Sans 10", small = "Noto Sans 8", bold = "Noto Sans Bold 10", heading = "Noto Sans Bold 15", subheading = "Noto Sans Bold 11.5"
    let pango: lotse_pango
    let cr: OpaquePointer
    /// The document's language, for every layout not given another.
    let language: PrintDocument.Language
    var layouts: [OpaquePointer] = []
    /// Characters no font could show, by language, in the order first met.
    var missingGlyphs: [(language: PrintDocument.Language, count: Int)] = []

    init(pango: lotse_pango, cr: OpaquePointer, language: PrintDocument.Language) {
        self.pango = pango
        self.cr = cr
        self.language = language
    }

    /// A pango layout of `text`, wrapped at `width` points; alignment 0 left, 1 centre, 2
    /// right. Shaped for its language, with an explicit base direction: a right-to-left
    /// text starts at the right edge whatever its first letter is.
    mutating func layout(_ text: String, font: String, width: Double, alignment: Int32 = 0, language: PrintDocument.Language? = nil) -> OpaquePointer {
        let language = language ?? self.language
        let layout = pango.pango_cairo_create_layout(cr)!
        let context = pango.pango_layout_get_context(layout)!
        pango.pango_context_set_language(context, pango.pango_language_from_string(language.tag))
        pango.pango_context_set_base_dir(context, language.rightToLeft ? 1 : 0)  // PANGO_DIRECTION_RTL, _LTR
        pango.pango_layout_set_auto_dir(layout, 0)
        pango.pango_layout_context_changed(layout)
        let font = language.font.map { font.replacingOccurrences(of: "Noto Sans", with: "\($0), Noto Sans") } ?? font
        let description = pango.pango_font_description_from_string(font)
        pango.pango_layout_set_font_description(layout, description)
        pango.pango_font_description_free(description)
        pango.pango_layout_set_width(layout, Int32(width * 1024))
        pango.pango_layout_set_wrap(layout, 2)  // PANGO_WRAP_WORD_CHAR
        pango.pango_layout_set_alignment(layout, alignment)
        pango.pango_layout_set_text(layout, text, -1)
        let missing = Int(pango.pango_layout_get_unknown_glyphs_count(layout))
        if missing > 0 {
            if let index = missingGlyphs.firstIndex(where: { $0.language == language }) { missingGlyphs[index].count += missing }
            else { missingGlyphs.append((language, missing)) }
        }
        layouts.append(layout)
        return layout
    }

    /// The width of `text` set on one line.
    mutating func naturalWidth(_ text: String, font: String) -> Double {
        let measured = layout(text, font: font, width: -1 / 1024)
        var width: Int32 = 0, height: Int32 = 0
        pango.pango_layout_get_pixel_size(measured, &width, &height)
        return Double(width)
    }

    func height(_ layout: OpaquePointer) -> Double {
        var width: Int32 = 0, height: Int32 = 0
        pango.pango_layout_get_pixel_size(layout, &width, &height)
        return Double(height)
    }

    /// The blocks placed on pages: a block that does not fit on what is left of a page
    /// starts the next (a table may break between rows).
    mutating func paginate(_ blocks: [PrintDocument.Block]) -> [[Placed]] {
        let left = PDFWriter.margin, width = PDFWriter.textWidth
        let bottom = PDFWriter.pageHeight - PDFWriter.margin - PDFWriter.footerHeight
        var pages: [[Placed]] = [[]]
        var y = PDFWriter.margin
        func fits(_ height: Double) -> Bool { y + height <= bottom || pages[pages.count - 1].isEmpty }
        func newPage() { pages.append([]); y = PDFWriter.margin }
        /// Places a group of pieces (offsets within the group) as one.
        func place(_ pieces: [Placed], height: Double, gap: Double) {
            if !fits(height) { newPage() }
            pages[pages.count - 1] += pieces.map { Placed(kind: $0.kind, x: $0.x, y: $0.y + y) }
            y += height + gap
        }
        /// Text blocks as one group; a heading stays with what it heads.
        func placeText(_ column: (pieces: [Placed], height: Double, gap: Double), subheading: Bool) {
            if subheading, !pages[pages.count - 1].isEmpty {
                y += 6
                if !fits(column.height + 64) { newPage() }
            }
            place(column.pieces, height: column.height, gap: column.gap)
        }
        /// Signature lines, two side by side, each label with its translation under it.
        func placeSignatures(_ labels: [String], _ translated: [String]?, _ language: PrintDocument.Language?) {
            let half = (width - 28) / 2
            for start in stride(from: 0, to: labels.count, by: 2) {
                var pieces: [Placed] = [], tallest = 54.0
                for index in start..<min(start + 2, labels.count) {
                    let x = left + Double(index - start) * (half + 28)
                    let label = layout(labels[index], font: Self.small, width: half)
                    pieces.append(Placed(kind: .line(width: half), x: x, y: 36))
                    pieces.append(Placed(kind: .text(label), x: x, y: 40))
                    if let translated, index < translated.count {
                        let text = layout(translated[index], font: Self.small, width: half, language: language)
                        pieces.append(Placed(kind: .text(text), x: x, y: 40 + height(label) + 1))
                        tallest = max(tallest, 42 + height(label) + height(text))
                    }
                }
                place(pieces, height: tallest, gap: 4)
            }
        }
        for block in blocks {
            switch block {
            case .heading, .subheading, .paragraph, .note, .item:
                placeText(column(block, x: left, width: width), subheading: block.isSubheading)
            case .pair(.signatures(let labels), .signatures(let translated), let language):
                placeSignatures(labels, translated, language)
            case .pair(.heading(let title), .heading(let translated), let language):
                // A title over its translation: two columns would break the words.
                let own = column(.heading(title), x: left, width: width), theirs = column(.heading(translated), x: left, width: width, language: language)
                place(own.pieces, height: own.height, gap: 2)
                place(theirs.pieces, height: theirs.height, gap: theirs.gap)
            case .pair(let first, let second, let language):
                // The client's words beside the document's, each block as tall as the taller.
                let gutter = 18.0, half = (width - gutter) / 2
                let own = column(first, x: left, width: half), theirs = column(second, x: left + half + gutter, width: half, language: language)
                placeText((own.pieces + theirs.pieces, max(own.height, theirs.height), max(own.gap, theirs.gap)), subheading: first.isSubheading)
            case .table(let header, let rows, let numeric):
                let columns = max(1, header.count)
                // Numbers need as much room as their widest value or header word; the first
                // column takes what the others leave (at least a third of the line).
                var widths = Array(repeating: width / Double(columns), count: columns)
                if numeric, columns > 1 {
                    for index in 1..<columns {
                        let words = header[index].split(separator: " ").map { naturalWidth(String($0), font: Self.bold) }
                        let values = rows.map { $0.count > index ? naturalWidth($0[index], font: Self.body) : 0 }
                        widths[index] = (words + values).max()! + 12
                    }
                    let others = widths.dropFirst().reduce(0, +), room = width * 2 / 3
                    if others > room { for index in 1..<columns { widths[index] *= room / others } }
                    widths[0] = width - min(others, room)
                }
                func row(_ cells: [String], font: String) -> (pieces: [Placed], height: Double) {
                    var pieces: [Placed] = [], tallest = 0.0, x = left
                    for (index, cell) in cells.prefix(columns).enumerated() {
                        let cellWidth = widths[index]
                        let text = layout(cell, font: font, width: cellWidth - 6, alignment: numeric && index > 0 ? 2 : 0)
                        pieces.append(Placed(kind: .text(text), x: x, y: 0))
                        tallest = max(tallest, height(text))
                        x += cellWidth
                    }
                    return (pieces + [Placed(kind: .line(width: width), x: left, y: tallest + 2)], tallest + 5)
                }
                let head = row(header, font: Self.bold)
                place(head.pieces, height: head.height, gap: 0)
                for cells in rows {
                    let body = row(cells, font: Self.body)
                    if !fits(body.height) { newPage(); place(head.pieces, height: head.height, gap: 0) }
                    place(body.pieces, height: body.height, gap: 0)
                }
                y += 10
            case .signatures(let labels):
                placeSignatures(labels, nil, nil)
            case .chart(let title, let bars):
                // Label, bar, value; the title stays on the page of the first bar.
                let labelWidth = width * 0.4, valueWidth = 48.0
                let barSpace = width - labelWidth - valueWidth - 8
                if !pages[pages.count - 1].isEmpty { y += 6 }
                let titleText = layout(title, font: Self.subheading, width: width)
                var heading = [Placed(kind: .text(titleText), x: left, y: 0)], offset = height(titleText) + 5
                if bars.isEmpty { place(heading, height: offset, gap: 0) }
                for bar in bars {
                    let label = layout(bar.label, font: Self.body, width: labelWidth - 6)
                    let length = barSpace * bar.share
                    let rowHeight = max(height(label), 13)
                    let pieces = heading + [
                        Placed(kind: .text(label), x: left, y: offset),
                        Placed(kind: .bar(width: length, height: rowHeight - 4), x: left + labelWidth, y: offset + 2),
                        Placed(kind: .text(layout(bar.value, font: Self.body, width: valueWidth)), x: left + labelWidth + length + 4, y: offset),
                    ]
                    place(pieces, height: offset + rowHeight, gap: 2)
                    heading = []
                    offset = 0
                }
                y += 8
            case .pageBreak:
                if !pages[pages.count - 1].isEmpty { newPage() }
            }
        }
        return pages
    }

    /// A text block laid out at `x` in a column of `width`: its pieces (offsets within
    /// the block), its height and the gap after it. Blocks that are not text give none.
    mutating func column(_ block: PrintDocument.Block, x: Double, width: Double,
                         language: PrintDocument.Language? = nil) -> (pieces: [Placed], height: Double, gap: Double) {
        switch block {
        case .heading(let text), .subheading(let text), .paragraph(let text), .note(let text):
            let (font, gap): (String, Double) = switch block {
            case .heading: (Self.heading, 10)
            case .subheading: (Self.subheading, 5)
            case .note: (Self.small, 6)
            default: (Self.body, 8)
            }
            let text = layout(text, font: font, width: width, language: language)
            return ([Placed(kind: .text(text), x: x, y: 0)], height(text), gap)
        case .item(let title, let lines):
            // Lines are indented from the side the text starts on.
            let indent = 14.0, rightToLeft = language?.rightToLeft ?? self.language.rightToLeft
            let head = layout(title, font: Self.bold, width: width, language: language)
            var pieces = [Placed(kind: .text(head), x: x, y: 0)], offset = height(head) + 2
            for line in lines {
                let text = layout(line, font: Self.body, width: width - indent, language: language)
                pieces.append(Placed(kind: .text(text), x: rightToLeft ? x : x + indent, y: offset))
                offset += height(text) + 2
            }
            return (pieces, offset, 8)
        default:
            return ([], 0, 0)
        }
    }

    func draw(_ placed: Placed) {
        switch placed.kind {
        case .text(let layout):
            pango.cairo_set_source_rgb(cr, 0, 0, 0)
            pango.cairo_move_to(cr, placed.x, placed.y)
            pango.pango_cairo_show_layout(cr, layout)
        case .line(let width):
            pango.cairo_set_source_rgb(cr, 0.35, 0.35, 0.35)
            pango.cairo_set_line_width(cr, 0.6)
            pango.cairo_move_to(cr, placed.x, placed.y)
            pango.cairo_line_to(cr, placed.x + width, placed.y)
            pango.cairo_stroke(cr)
        case .bar(let width, let height):
            pango.cairo_set_source_rgb(cr, 0.23, 0.49, 0.63)
            pango.cairo_rectangle(cr, placed.x, placed.y, width, height)
            pango.cairo_fill(cr)
        }
    }

    func release() {
        for layout in layouts { pango.g_object_unref(UnsafeMutableRawPointer(layout)) }
    }
}
