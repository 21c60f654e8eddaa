import Foundation

/// Copies files the safe way: stream in blocks (memory stays flat whatever the size),
/// hash while copying, write to a temporary name with mode 0600 and rename at the end,
/// so a crash never leaves a half-written file under the final name.
enum FileCopy {
    static let blockSize = 1 << 20

    /// Copies a file the user named (opened with the user's rights, see `UserRights`).
    static func copy(from source: URL, to target: URL, limit: Int64 = .max) throws -> (sha256: String, size: Int64) {
        try copy(from: UserRights.openForReading(source.path, regularOnly: true), to: target, limit: limit)
    }

    /// More than `limit` bytes: the copy stopped and was removed.
    enum TooLarge: Error { case bytes(Int64) }

    @discardableResult
    static func copy(from input: FileHandle, to target: URL, limit: Int64 = .max) throws -> (sha256: String, size: Int64) {
        defer { try? input.close() }
        var checksum = Checksum()
        try PartialFile.write(to: target) { output in
            // At most one block past the limit is read before the copy stops.
            while let block = try input.read(upToCount: limit - checksum.size >= Int64(blockSize) ? blockSize : Int(limit - checksum.size) + 1), !block.isEmpty {
                checksum.update(block)
                if checksum.size > limit { throw TooLarge.bytes(limit) }
                try output.write(contentsOf: block)
            }
        }
        return (checksum.hex, checksum.size)
    }
}
