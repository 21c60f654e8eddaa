import Foundation
import LotseCore

/// `--json` output: pretty, with sorted keys, so it diffs and tests well.
enum JSONOutput {
    static func string(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return UntrustedText.escapedForJSON(String(decoding: try encoder.encode(value), as: UTF8.self))
    }
}
