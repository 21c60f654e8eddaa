import Foundation

/// Copies files the safe way: stream in blocks (memory stays flat whatever the size),
/// hash while copying, write to a temporary name with mode 0600 and rename at the end,
/// so a crash never leaves a half-written file under the final name.
enum FileCopy {
    static let blockSize = 1 << 20

    /// Copies a file the user named (opened with the user's rights, see `UserRights`).
    static func copy(from source: URL, to target: URL) throws -> (sha256: String, size: Int64) {
        try copy(from: UserRights.openForReading(source.path), to: target)
    }

    /// More than `limit` bytes: the copy stopped and was removed.
    enum TooLarge: Error { case bytes(Int64) }

    @discardableResult
    static func copy(from input: FileHandle, to target: URL, limit: Int64 = .max) throws -> (sha256: String, size: Int64) {
        defer { try? input.close() }
        let temporary = target.deletingLastPathComponent().appendingPathComponent(".\(target.lastPathComponent).partial")
        let descriptor = open(temporary.path, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw DataError("file.create", ["path": .text(temporary.path), "reason": .message(.system(errno))]) }
        let output = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        var checksum = Checksum()
        do {
            while let block = try input.read(upToCount: blockSize), !block.isEmpty {
                checksum.update(block)
                try output.write(contentsOf: block)
                if checksum.size > limit { throw TooLarge.bytes(limit) }
            }
            try output.synchronize()
            try output.close()
            guard rename(temporary.path, target.path) == 0 else { throw DataError("file.write", ["path": .text(target.path), "reason": .message(.system(errno))]) }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw error
        }
        return (checksum.hex, checksum.size)
    }
}
