import Foundation
import LotseCore

/// Rows as CSV the way spreadsheets read them: a byte order mark (UTF-8), CRLF between
/// rows, fields quoted when they hold the delimiter, a quote or a line break, and
/// cleaned of control characters (`UntrustedText.visible`). A text cell that a
/// spreadsheet would take for a formula (it starts with `=`, `+`, `-`, `@`, a tab or a
/// carriage return) gets a leading apostrophe; numbers stay numbers.
struct CSVText {
    let delimiter: String

    func render(_ rows: [[String]]) -> String {
        "\u{FEFF}" + rows.map { $0.map(field).joined(separator: delimiter) }.joined(separator: "\r\n") + "\r\n"
    }

    private func field(_ text: String) -> String {
        var text = UntrustedText.visible(text)
        if Self.readsAsFormula(text) { text = "'" + text }
        return text.contains(delimiter) || text.contains("\"") || text.contains("\n") ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
    }

    static func readsAsFormula(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) else { return false }
        let number = text.replacingOccurrences(of: ",", with: ".")
        return Double(number) == nil || number.dropFirst().contains { !("0"..."9").contains($0) && $0 != "." }
    }
}
