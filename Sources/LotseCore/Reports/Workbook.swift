import CXlsxWriter
import Foundation

/// libxlsxwriter's functions, opened with the first workbook a command writes
/// (`Sources/CXlsxWriter/shim.h` says why).
let libxlsxwriter = SharedLibrary.open(LOTSE_XLSX_LIBRARY) { lotse_xlsx_open() }

/// An Excel workbook (.xlsx) written by libxlsxwriter: sheets of labelled rows with
/// number cells. Sheet names are made valid and unique (at most 31 characters, none of
/// `[]:*?/\`); the file is built in a private temporary folder and returned as bytes,
/// so the caller writes it to its place the safe way.
public struct Workbook: Sendable {
    public enum Cell: Sendable, Equatable {
        case text(String), number(Int), decimal(Double), empty
    }

    public struct Sheet: Sendable {
        public var name: String
        /// Lines above the table (title, period), the first one bold.
        public var heading: [String]
        public var columns: [String]
        public var rows: [[Cell]]

        public init(name: String, heading: [String], columns: [String], rows: [[Cell]]) {
            self.name = name
            self.heading = heading
            self.columns = columns
            self.rows = rows
        }
    }

    public var sheets: [Sheet]

    public init(sheets: [Sheet]) { self.sheets = sheets }

    /// The names the sheets get: valid, unique ignoring case, at most 31 characters.
    public var sheetNames: [String] {
        var used = Set<String>()
        return sheets.map { sheet in
            let cleaned = String(sheet.name.map { "[]:*?/\\".contains($0) ? "-" : $0 }).trimmingCharacters(in: CharacterSet(charactersIn: "' "))
            let base = cleaned.isEmpty ? "-" : cleaned
            var name = String(base.prefix(31)), number = 2
            while used.contains(name.lowercased()) {
                let suffix = " (\(number))"
                name = String(base.prefix(31 - suffix.count)) + suffix
                number += 1
            }
            used.insert(name.lowercased())
            return name
        }
    }

    /// The .xlsx file's bytes.
    public func data() throws -> Data {
        let xlsx = try libxlsxwriter.get()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lotse-xlsx-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("report.xlsx").path
        guard let workbook = xlsx.workbook_new(path) else { throw DataError("workbook.failed", ["problem": .text("workbook_new")]) }
        do {
            try write(into: workbook, xlsx)
        } catch {
            _ = xlsx.workbook_close(workbook)
            throw error
        }
        try xlsx.check(xlsx.workbook_close(workbook))
        return try Data(contentsOf: URL(fileURLWithPath: path))
    }

    private func write(into workbook: UnsafeMutablePointer<lxw_workbook>, _ xlsx: lotse_xlsx) throws {
        let bold = xlsx.workbook_add_format(workbook)
        xlsx.format_set_bold(bold)
        let decimal = xlsx.workbook_add_format(workbook)
        xlsx.format_set_num_format(decimal, "0.0")
        for (sheet, name) in zip(sheets, sheetNames) {
            guard let worksheet = xlsx.workbook_add_worksheet(workbook, name) else {
                throw DataError("workbook.failed", ["problem": .text("sheet")])
            }
            try xlsx.check(xlsx.worksheet_set_column(worksheet, 0, 0, 58, nil))
            try xlsx.check(xlsx.worksheet_set_column(worksheet, 1, lxw_col_t(max(1, sheet.columns.count - 1)), 14, nil))
            var row: lxw_row_t = 0
            for (index, line) in sheet.heading.enumerated() {
                try xlsx.check(xlsx.worksheet_write_string(worksheet, row, 0, line, index == 0 ? bold : nil))
                row += 1
            }
            row += 1
            for (column, title) in sheet.columns.enumerated() {
                try xlsx.check(xlsx.worksheet_write_string(worksheet, row, lxw_col_t(column), title, bold))
            }
            for cells in sheet.rows {
                row += 1
                for (column, cell) in cells.enumerated() {
                    let col = lxw_col_t(column)
                    switch cell {
                    case .text(let text): try xlsx.check(xlsx.worksheet_write_string(worksheet, row, col, text, nil))
                    case .number(let n): try xlsx.check(xlsx.worksheet_write_number(worksheet, row, col, Double(n), nil))
                    case .decimal(let x): try xlsx.check(xlsx.worksheet_write_number(worksheet, row, col, x, decimal))
                    case .empty: break
                    }
                }
            }
        }
    }
}

extension lotse_xlsx {
    /// A libxlsxwriter result: anything but success is the workbook's failure, in the
    /// library's words.
    func check(_ result: lxw_error) throws {
        guard result != LXW_NO_ERROR else { return }
        throw DataError("workbook.failed", ["problem": .text(self.lxw_strerror(result).map { String(cString: $0) } ?? "")])
    }
}
