import CZip
import Foundation

/// libzip's functions, opened with the first zip a command reads or writes
/// (`Sources/CZip/shim.h` says why).
let libzip = SharedLibrary.open(LOTSE_ZIP_LIBRARY) { lotse_zip_open() }

/// Writes a zip with libzip: the only writer of the CZip target. Entries can be stored
/// uncompressed (attachments) or deflated, and all encrypted with WinZip AES-256.
final class ZipWriter {
    private let zip: lotse_zip
    private var archive: OpaquePointer?
    private let path: String
    private var indices: [UInt64] = []

    /// Creates a new zip; the file must not exist.
    init(path: String) throws {
        zip = try libzip.get()
        self.path = path
        var error: Int32 = 0
        guard let archive = zip.zip_open(path, ZIP_CREATE | ZIP_EXCL, &error) else {
            throw DataError("zip.create", ["path": .text(path), "detail": lotse_zip.problem(error)])
        }
        self.archive = archive
    }

    deinit { if let archive { zip.zip_discard(archive) } }

    /// Adds bytes held in memory.
    func add(_ name: String, data: Data, compress: Bool, level: UInt32 = 0) throws {
        let buffer = malloc(max(1, data.count))!
        data.copyBytes(to: buffer.assumingMemoryBound(to: UInt8.self), count: data.count)
        guard let source = zip.zip_source_buffer(archive, buffer, UInt64(data.count), 1) else {
            free(buffer)
            throw failure("zip.add", name)
        }
        try add(name, source: source, compress: compress, level: level)
    }

    /// Adds a file from disk; libzip streams it when the archive is closed. `level`:
    /// deflate level 1 (fast) to 9 (small), 0 for zlib's default.
    func add(_ name: String, file: URL, compress: Bool, level: UInt32 = 0) throws {
        guard let source = zip.zip_source_file(archive, file.path, 0, -1) else { throw failure("zip.read", file.path) }
        try add(name, source: source, compress: compress, level: level)
    }

    private func add(_ name: String, source: OpaquePointer, compress: Bool, level: UInt32) throws {
        let index = zip.zip_file_add(archive, name, source, ZIP_FL_ENC_UTF_8)
        guard index >= 0 else {
            zip.zip_source_free(source)
            throw failure("zip.add", name)
        }
        indices.append(UInt64(index))
        guard zip.zip_set_file_compression(archive, UInt64(index), compress ? ZIP_CM_DEFLATE : ZIP_CM_STORE, level) == 0 else {
            throw failure("zip.add", name)
        }
    }

    /// Encrypts every entry added so far with WinZip AES-256.
    func encryptAll(passphrase: String) throws {
        for index in indices where zip.zip_file_set_encryption(archive, index, UInt16(ZIP_EM_AES_256), passphrase) != 0 {
            throw failure("zip.encrypt", path)
        }
    }

    /// Writes the archive; on failure nothing is left under the final name.
    func close() throws {
        guard zip.zip_close(archive) == 0 else {
            let error = failure("zip.write", path)
            zip.zip_discard(archive)
            archive = nil
            try? FileManager.default.removeItem(atPath: path)
            throw error
        }
        archive = nil
    }

    private func failure(_ key: String, _ subject: String) -> DataError {
        DataError(key, ["path": .text(subject), "detail": lotse_zip.problem(zip.zip_error_code_zip(zip.zip_get_error(archive)))])
    }
}

/// Reads a zip with libzip, checking its consistency (ZIP_CHECKCONS) and never
/// trusting declared sizes: entries are read in blocks and the bytes counted.
final class ZipReader {
    struct Entry: Equatable {
        let index: UInt64
        let name: String
        /// Declared sizes; used only to refuse early, never trusted.
        let size: UInt64
        let compressedSize: UInt64
        /// libzip's `ZIP_EM_…`: none, traditional PKWARE (ZipCrypto), AES-128/192/256.
        let encryptionMethod: UInt16
        let isSymlink: Bool

        var encrypted: Bool { encryptionMethod != UInt16(ZIP_EM_NONE) }
    }

    static let aes256 = UInt16(ZIP_EM_AES_256)

    /// An encryption method as a user reads it.
    static func describe(method: UInt16) -> Message {
        switch Int32(method) {
        case ZIP_EM_TRAD_PKWARE: "zip.zipCrypto"
        case ZIP_EM_AES_128: Message("zip.method", ["method": "AES-128"])
        case ZIP_EM_AES_192: Message("zip.method", ["method": "AES-192"])
        case ZIP_EM_AES_256: Message("zip.method", ["method": "AES-256"])
        default: Message("zip.unknownMethod", ["method": .text(String(method))])
        }
    }

    private let zip: lotse_zip
    private var archive: OpaquePointer?
    private let passphrase: String?
    let entries: [Entry]

    init(path: String, passphrase: String?, maxEntries: Int) throws(BundleError) {
        do { zip = try libzip.get() } catch { throw .unreadable(error.message) }
        var error: Int32 = 0
        guard let archive = zip.zip_open(path, ZIP_RDONLY | ZIP_CHECKCONS, &error) else {
            throw error == ZIP_ER_NOENT ? .unreadable(Message("zip.noFile", ["path": .text(path)]))
                : .corrupt(Message("zip.unreadable", ["detail": lotse_zip.problem(error)]))
        }
        self.archive = archive
        self.passphrase = passphrase
        let count = zip.zip_get_num_entries(archive, 0)
        guard count >= 0, count <= Int64(maxEntries) else {
            zip.zip_discard(archive)
            throw .limit(Message("zip.entries", ["count": .text(String(count)), "max": .number(maxEntries)]))
        }
        var entries: [Entry] = []
        for index in 0..<UInt64(count) {
            var stat = zip_stat_t()
            zip.zip_stat_init(&stat)
            guard zip.zip_stat_index(archive, index, ZIP_FL_ENC_RAW, &stat) == 0, let rawName = stat.name else {
                zip.zip_discard(archive)
                throw .corrupt(Message("zip.entryUnreadable", ["index": .text(String(index))]))
            }
            var opsys: UInt8 = 0
            var attributes: UInt32 = 0
            _ = zip.zip_file_get_external_attributes(archive, index, 0, &opsys, &attributes)
            let mode = (attributes >> 16) & UInt32(S_IFMT)
            entries.append(Entry(index: index, name: String(cString: rawName), size: stat.size, compressedSize: stat.comp_size,
                                 encryptionMethod: stat.encryption_method,
                                 isSymlink: opsys == UInt8(ZIP_OPSYS_UNIX) && mode == UInt32(S_IFLNK)))
        }
        self.entries = entries
    }

    deinit { if let archive { zip.zip_discard(archive) } }

    /// Streams an entry's bytes to `consume` in blocks, refusing more than `limit`
    /// bytes; returns how many bytes were read.
    @discardableResult
    func read(_ entry: Entry, limit: UInt64, _ consume: (UnsafeRawBufferPointer) throws -> Void) throws -> UInt64 {
        let file: OpaquePointer? = entry.encrypted ? zip.zip_fopen_index_encrypted(archive, entry.index, 0, passphrase)
                                                   : zip.zip_fopen_index(archive, entry.index, 0)
        guard let file else {
            let code = zip.zip_error_code_zip(zip.zip_get_error(archive))
            if code == ZIP_ER_WRONGPASSWD || code == ZIP_ER_NOPASSWD { throw BundleError.passphrase }
            throw BundleError.corrupt(Message("zip.entryOpen", ["entry": .text(entry.name), "detail": lotse_zip.problem(code)]))
        }
        defer { _ = zip.zip_fclose(file) }
        var total: UInt64 = 0
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = buffer.withUnsafeMutableBytes { zip.zip_fread(file, $0.baseAddress, UInt64($0.count)) }
            if count < 0 {
                let code = zip.zip_error_code_zip(zip.zip_file_get_error(file))
                if code == ZIP_ER_WRONGPASSWD { throw BundleError.passphrase }
                throw BundleError.corrupt(Message("zip.entryDamaged", ["entry": .text(entry.name), "detail": lotse_zip.problem(code)]))
            }
            if count == 0 { break }
            total += UInt64(count)
            guard total <= limit else { throw BundleError.limit(Message("zip.entryLimit", ["entry": .text(entry.name), "limit": .text(String(limit))])) }
            try buffer.withUnsafeBytes { try consume(UnsafeRawBufferPointer(rebasing: $0[0..<Int(count)])) }
        }
        return total
    }
}

extension lotse_zip {
    /// What a libzip error code means, in the catalog's words (libzip's own texts are
    /// English and would reach a German user's screen).
    static func problem(_ code: Int32) -> TextValue {
        let names: [Int32: String] = [
            ZIP_ER_NOZIP: "notZip", ZIP_ER_INCONS: "inconsistent", ZIP_ER_CRC: "checksum", ZIP_ER_EOF: "truncated", ZIP_ER_READ: "read",
            ZIP_ER_SEEK: "read", ZIP_ER_OPEN: "open", ZIP_ER_EXISTS: "exists", ZIP_ER_WRITE: "write", ZIP_ER_TMPOPEN: "write", ZIP_ER_RENAME: "write",
            ZIP_ER_CLOSE: "write", ZIP_ER_MEMORY: "memory", ZIP_ER_ZLIB: "compressed", ZIP_ER_COMPRESSED_DATA: "compressed",
            ZIP_ER_COMPNOTSUPP: "compression", ZIP_ER_ENCRNOTSUPP: "encryption", ZIP_ER_MULTIDISK: "multidisk",
            ZIP_ER_NOPASSWD: "passphrase", ZIP_ER_WRONGPASSWD: "passphrase",
        ]
        guard let name = names[code] else { return .message(Message("zip.error.other", ["code": .number(Int(code))])) }
        return .label("zip.error.\(name)")
    }
}
