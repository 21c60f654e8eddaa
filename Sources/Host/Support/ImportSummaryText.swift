import Foundation
import LotseCore

/// How an import's result reads for the user.
extension LegacyImporter.Summary {
    func describe() -> String {
        if alreadyImported { return "these files were imported before; nothing changed" }
        if total == 0 { return "nothing new to import (\(unchanged) rows were imported before); nothing changed" }
        let counts = inserted.sorted { $0.key < $1.key }.map { "\($0.key.replacingOccurrences(of: ".csv", with: "")) \($0.value)" }
        return "imported \(total) rows: " + counts.joined(separator: ", ") + (unchanged > 0 ? "; \(unchanged) rows were there already" : "")
    }
}
