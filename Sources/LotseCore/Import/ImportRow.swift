import Foundation
import PluginKit

/// One CSV record with typed access to its columns; a bad value is reported and read
/// as nil, so every problem of every row is found in one pass.
struct ImportRow {
    let file: String
    let line: Int
    let fields: [String]
    let columns: [String: Int]
    let problems: ImportProblems
    let limits: FieldLimits
    /// Facts lie on or before this day (the import's today).
    let today: LocalDate

    func raw(_ column: String) -> String {
        columns[column].map { fields.indices.contains($0) ? fields[$0].trimmingSpaces : "" } ?? ""
    }

    func fail(_ column: String, _ problem: Message) {
        problems.add(file, line, column, problem)
    }

    /// A required or optional text.
    func text(_ column: String, required: Bool = true) -> String? {
        let value = raw(column)
        if value.isEmpty {
            if required { fail(column, "import.empty") }
            return nil
        }
        if let problem = limits.problem(in: value, field: column) { fail(column, problem); return nil }
        return value
    }

    func date(_ column: String, required: Bool = true) -> LocalDate? {
        guard let value = text(column, required: required) else { return nil }
        guard let date = LocalDate(iso: value) else { fail(column, Message("import.date", ["value": .text(value)])); return nil }
        return date
    }

    /// The date of something that happened: not after today.
    func fact(_ column: String, required: Bool = true) -> LocalDate? {
        guard let date = date(column, required: required) else { return nil }
        guard date <= today else { fail(column, Message("import.afterToday", ["date": .text(date.iso), "today": .text(today.iso)])); return nil }
        return date
    }

    func number(_ column: String) -> Double? {
        guard let value = text(column) else { return nil }
        guard let number = Double(value), number.isFinite else { fail(column, Message("import.number", ["value": .text(value)])); return nil }
        return number
    }

    func choice<T: RawRepresentable & CaseIterable>(_ column: String, _ type: T.Type, required: Bool = true) -> T? where T.RawValue == String {
        guard let value = text(column, required: required) else { return nil }
        guard let parsed = T(rawValue: value) else {
            fail(column, Message("import.choice", ["known": .list(T.allCases.map { .text($0.rawValue) }), "value": .text(value)]))
            return nil
        }
        return parsed
    }

    /// A reference to a row of another file, by its legacy id.
    func reference(_ column: String, in ids: LegacyIds, file target: String, required: Bool = true) -> Int64? {
        guard let value = text(column, required: required) else { return nil }
        if let rowid = ids.rowids[value] { return rowid }
        if ids.unreadable || ids.invalid.contains(value) { problems.dependents += 1 } else { fail(column, Message("import.reference", ["file": .text(target), "value": .text(value)])) }
        return nil
    }
}
