import Foundation
import PluginKit

/// Every problem found in an import, as `file:line: column: what is wrong`.
final class ImportProblems {
    private(set) var lines: [Message] = []
    /// Rows left out because they refer to a row that had problems (reported there).
    var dependents = 0

    /// Changes whenever a row turns out invalid, reported or not.
    var mark: Int { lines.count + dependents }

    func add(_ file: String, _ line: Int, _ column: String, _ problem: Message) {
        lines.append(Message("import.problem", ["file": .text(file), "line": .number(line), "column": .text(column), "problem": .message(problem)]))
    }
}
