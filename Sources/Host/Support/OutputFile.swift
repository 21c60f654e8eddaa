import Foundation
import LotseCore

/// Writes an output file the safe way: a temporary name first, mode 0600 (it may hold
/// personal data or figures not yet published), then renamed into place; in the shared
/// installation handed over as the user's own file (`UserRights`).
enum OutputFile {
    static func write(_ text: String, to path: String) throws { try write(Data(text.utf8), to: path) }

    static func write(_ data: Data, to path: String) throws {
        let target = UserRights.staging(for: path)
        do { try PartialFile.write(data, to: target) } catch { throw UsageError("file.writeFolder", ["path": .text(path)]) }
        try UserRights.deliver(target, to: path)
    }
}
