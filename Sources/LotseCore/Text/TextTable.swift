/// A plain text table with columns padded to their widest cell; numbers right-aligned.
public struct TextTable: Sendable {
    public var header: [String]
    public var rows: [[String]]

    public init(header: [String], rows: [[String]]) {
        self.header = header
        self.rows = rows
    }

    public func render() -> String {
        // A header from a county's locale file may have fewer or more columns than the
        // rows: pad the shorter ones rather than trust that they agree.
        let columns = ([header] + rows).map(\.count).max() ?? 0
        func padded(_ cells: [String]) -> [String] { cells + Array(repeating: "", count: columns - cells.count) }
        let all = ([header] + rows).map(padded)
        let widths = (0..<columns).map { column in all.map { $0[column].count }.max() ?? 0 }
        func line(_ cells: [String]) -> String {
            padded(cells).enumerated().map { column, cell in
                let pad = String(repeating: " ", count: widths[column] - cell.count)
                return Int(cell) != nil ? pad + cell : cell + pad
            }.joined(separator: "  ").trimmingTrailingSpaces()
        }
        let rule = widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")
        return ([line(header), rule] + rows.map(line)).joined(separator: "\n")
    }
}

extension String {
    public func trimmingTrailingSpaces() -> String {
        var s = self
        while s.last == " " { s.removeLast() }
        return s
    }
}
