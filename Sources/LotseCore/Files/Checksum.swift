import Crypto
import Foundation

/// SHA-256 as lotse writes it everywhere: bundle and backup manifests, attachments,
/// import fingerprints, the audit chain. One place, so the side that writes a checksum
/// and the side that checks it cannot disagree on how it is made. Lower-case hex.
struct Checksum {
    private var hasher = SHA256()
    /// Bytes hashed so far.
    private(set) var size: Int64 = 0

    mutating func update(_ bytes: UnsafeRawBufferPointer) {
        hasher.update(bufferPointer: bytes)
        size += Int64(bytes.count)
    }

    mutating func update(_ data: Data) {
        hasher.update(data: data)
        size += Int64(data.count)
    }

    /// The checksum of everything so far.
    var hex: String { Self.hex(hasher.finalize()) }

    static func of(_ data: Data) -> String { hex(SHA256.hash(data: data)) }

    /// A file's checksum and size, read in blocks (memory stays flat whatever its size).
    static func of(file url: URL) throws -> (sha256: String, size: Int64) {
        guard let handle = FileHandle(forReadingAtPath: url.path) else {
            throw DataError("file.read", ["path": .text(url.path), "reason": .message(.system(errno))])
        }
        defer { try? handle.close() }
        var checksum = Checksum()
        while let block = try handle.read(upToCount: FileCopy.blockSize), !block.isEmpty { checksum.update(block) }
        return (checksum.hex, checksum.size)
    }

    private static let digits = Array("0123456789abcdef".utf8)

    /// Lower-case hexadecimal, without `String(format:)` (it is slow on hot paths).
    static func hex(_ bytes: some Sequence<UInt8>) -> String {
        var text: [UInt8] = []
        for byte in bytes {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }
}
