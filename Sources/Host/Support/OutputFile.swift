import Foundation
import LotseCore

/// Writes an output file the safe way: a temporary name first, mode 0600 (it may hold
/// personal data or figures not yet published), then renamed into place; in the shared
/// installation handed over as the user's own file (`UserRights`).
enum OutputFile {
    static func write(_ text: String, to path: String) throws { try write(Data(text.utf8), to: path) }

    static func write(_ data: Data, to path: String) throws {
        let target = UserRights.staging(for: path)
        let temporary = target.deletingLastPathComponent().appendingPathComponent(".\(target.lastPathComponent).\(getpid()).partial")
        guard FileManager.default.createFile(atPath: temporary.path, contents: data, attributes: [.posixPermissions: 0o600]) else {
            throw UsageError("file.writeFolder", ["path": .text(path)])
        }
        guard rename(temporary.path, target.path) == 0 else {
            try? FileManager.default.removeItem(at: temporary)
            throw UsageError("file.write", ["path": .text(path), "reason": .message(.system(errno))])
        }
        try UserRights.deliver(target, to: path)
    }
}
