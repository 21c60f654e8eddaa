import Foundation
import LotseCore

/// Rows as CSV the way spreadsheets read them: a byte order mark (UTF-8), CRLF between
/// rows, fields quoted when they hold the delimiter, a quote or a line break, and
/// cleaned of control characters (`UntrustedText.visible`).
struct CSVText {
    let delimiter: String

    func render(_ rows: [[String]]) -> String {
        "\u{FEFF}" + rows.map { $0.map(field).joined(separator: delimiter) }.joined(separator: "\r\n") + "\r\n"
    }

    private func field(_ text: String) -> String {
        let text = UntrustedText.visible(text)
        return text.contains(delimiter) || text.contains("\"") || text.contains("\n") ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
    }
}
