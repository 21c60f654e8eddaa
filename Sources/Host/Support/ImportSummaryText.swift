import Foundation
import LotseCore

/// How an import's result reads for the user.
extension LegacyImporter.Summary {
    func describe() -> Message {
        if alreadyImported { return "import.again" }
        if total == 0 { return Message("import.nothingNew", ["count": .number(unchanged)]) }
        let counts = inserted.sorted { $0.key < $1.key }.map { TextValue.text("\($0.key) \($0.value)") }
        return Message(unchanged > 0 ? "import.doneWithKnown" : "import.done", ["count": .number(total), "files": .list(counts), "known": .number(unchanged)])
    }
}
