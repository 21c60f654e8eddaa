import Foundation

/// Secure mode: lotse runs with rights it was not started with (the packaged
/// `/usr/bin/lotse` is setuid to the `lotse` account that owns `/var/lib/lotse`). Then
/// only the system paths count, and a path the user names is opened with the user's
/// own rights: `attach 5 /var/lib/lotse/lotse.sqlite` is refused like any file the
/// user cannot read, and an export is the user's file.
public enum UserRights {
    /// True when the effective user or group differs from the real one.
    public static let secure = getuid() != geteuid() || getgid() != getegid()

    /// Runs `body` with the real user's file-system rights on this thread only
    /// (`setfsuid`/`setfsgid`; `seteuid` would change every thread at once and race the
    /// database's writer). `body` must open synchronously and hand on descriptors.
    public static func asUser<T>(_ body: () throws -> T) rethrows -> T {
        guard secure, let setfsuid = Self.setfsuid, let setfsgid = Self.setfsgid else { return try body() }
        _ = setfsgid(getgid())
        _ = setfsuid(getuid())
        defer {
            _ = setfsuid(geteuid())
            _ = setfsgid(getegid())
        }
        return try body()
    }

    /// Opens a file the user named, for reading, with the user's rights.
    /// With `regularOnly` (a file lotse copies: an attachment, a bundle, a backup) a
    /// device, FIFO or socket is refused before a byte is read: `/dev/zero` would fill
    /// the disk, a FIFO without a writer would wait forever.
    public static func openForReading(_ path: String, regularOnly: Bool = false) throws(UsageError) -> FileHandle {
        let (descriptor, error) = asUser { (open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY | (regularOnly ? O_NONBLOCK : 0)), errno) }
        guard descriptor >= 0 else { throw UsageError("file.read", ["path": .text(path), "reason": .message(.system(error))]) }
        if regularOnly {
            var status = stat()
            guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG else {
                close(descriptor)
                throw UsageError("file.notRegular", ["path": .text(path)])
            }
            _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) & ~O_NONBLOCK)
        }
        return FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
    }

    /// Reads a whole file the user named, with the user's rights; at most `limit` bytes.
    public static func read(_ path: String, limit: Int = 64 << 20) throws(UsageError) -> Data {
        let handle = try openForReading(path)
        do {
            let data = try handle.read(upToCount: limit + 1) ?? Data()
            guard data.count <= limit else { throw UsageError("file.tooLarge", ["path": .text(path), "limit": .message(BundleReader.megabytes(UInt64(limit)))]) }
            return data
        } catch let error as UsageError {
            throw error
        } catch {
            throw UsageError("file.read", ["path": .text(path), "reason": .message(.system(error))])
        }
    }

    /// A copy of a file the user named, in lotse's scratch folder, for code that needs
    /// a path (libzip). At most `limit` bytes are copied, so no user fills lotse's disk.
    /// Without secure mode the path itself is used (its reader has its own limits).
    public static func fetch(_ path: String, limit: Int64 = .max) throws -> Fetched {
        guard secure else {
            _ = try openForReading(path, regularOnly: true)  // a device or FIFO is refused here too
            return Fetched(url: URL(fileURLWithPath: path), isCopy: false)
        }
        let input = try openForReading(path, regularOnly: true)
        let copy = PartialFile.scratch(in: Locations.scratch, named: "in-" + URL(fileURLWithPath: path).lastPathComponent)
        do {
            try FileCopy.copy(from: input, to: copy, limit: limit)
        } catch FileCopy.TooLarge.bytes(let limit) {
            throw UsageError("file.receivedTooLarge", ["path": .text(path), "megabytes": .number(limit >> 20)])
        }
        return Fetched(url: copy, isCopy: true)
    }

    public struct Fetched: Sendable {
        public let url: URL
        let isCopy: Bool

        /// Removes the scratch copy.
        public func discard() {
            if isCopy { try? FileManager.default.removeItem(at: url) }
        }
    }

    /// Puts a finished file written at `staging(for: path)` at the path the user named:
    /// in secure mode copied into a file created with the user's rights, mode 0600, via
    /// a temporary name and a rename; else it is there already.
    public static func deliver(_ file: URL, to path: String) throws {
        guard secure else { return }  // `staging` gave the target itself
        defer { try? FileManager.default.removeItem(at: file) }
        let input = try FileHandle(forReadingFrom: file)
        do {
            try asUser {
                try PartialFile.write(to: URL(fileURLWithPath: path)) { output in
                    while let chunk = try input.read(upToCount: 1 << 20), !chunk.isEmpty { try output.write(contentsOf: chunk) }
                }
            }
        } catch let error as DataError {
            throw UsageError(error.message)
        }
    }

    /// Where lotse writes output for the user: in secure mode a file in its scratch
    /// folder (then `deliver` hands it over), else the target itself.
    public static func staging(for path: String) -> URL {
        secure ? PartialFile.scratch(in: Locations.scratch, named: "out-" + URL(fileURLWithPath: path).lastPathComponent)
            : URL(fileURLWithPath: path)
    }

    private typealias SetFileSystemID = @convention(c) (UInt32) -> Int32
    // glibc's setfsuid/setfsgid (not in Swift's Glibc module).
    private static let setfsuid = symbol("setfsuid")
    private static let setfsgid = symbol("setfsgid")

    private static func symbol(_ name: String) -> SetFileSystemID? {
        dlsym(nil, name).map { unsafeBitCast($0, to: SetFileSystemID.self) }
    }

    /// Makes the process non-dumpable: no core file, no ptrace by the user.
    public static func forbidDumps() {
        typealias Control = @convention(c) (Int32, UInt, UInt, UInt, UInt) -> Int32
        guard let prctl = dlsym(nil, "prctl") else { return }
        _ = unsafeBitCast(prctl, to: Control.self)(4, 0, 0, 0, 0)  // PR_SET_DUMPABLE, 0
    }
}
