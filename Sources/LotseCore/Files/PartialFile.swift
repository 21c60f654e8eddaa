import Foundation
import Synchronization

/// Every file lotse writes is written under a temporary name in its target's folder,
/// `NAME.partial-PID-N`, flushed to disk, renamed into place and the folder flushed
/// (`write`), so a crash never leaves a half-written file under the final name. Scratch
/// files and folders carry the same marker. A process killed before the rename leaves
/// its partial file (and libzip's own temporary files beside it); `removeStale` removes
/// those of processes that have ended: every command does so in the database's and the
/// scratch folder when it opens the store, and `doctor` reports what it found.
public enum PartialFile {
    private static let counter = Mutex(0)

    /// Where this process writes `path` before renaming it.
    static func path(for path: String) -> String {
        path + ".partial-\(getpid())-\(counter.withLock { $0 += 1; return $0 })"
    }

    /// A temporary name beside `target` (or a scratch name in `folder`).
    public static func temporary(for target: URL) -> URL { URL(fileURLWithPath: path(for: target.path)) }
    public static func scratch(in folder: URL, named name: String) -> URL { temporary(for: folder.appendingPathComponent(name)) }

    /// Writes `data` to `target` atomically, mode 0600.
    public static func write(_ data: Data, to target: URL) throws {
        try write(to: target) { try $0.write(contentsOf: data) }
    }

    /// Writes a file through `body` atomically, mode 0600: a temporary name in the same
    /// folder, fsync, rename, fsync of the folder. On any error nothing stays behind.
    public static func write(to target: URL, _ body: (FileHandle) throws -> Void) throws {
        let temporary = temporary(for: target)
        let descriptor = open(temporary.path, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC | O_NOFOLLOW, 0o600)
        guard descriptor >= 0 else { throw DataError("file.write", ["path": .text(target.path), "reason": .message(.system(errno))]) }
        let output = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        do {
            try body(output)
            try output.synchronize()
            try output.close()
            try commit(temporary, to: target)
        } catch {
            unlink(temporary.path)
            throw error
        }
    }

    /// Renames a finished temporary file into place and flushes the folder's entry.
    static func commit(_ temporary: URL, to target: URL) throws {
        guard rename(temporary.path, target.path) == 0 else { throw DataError("file.write", ["path": .text(target.path), "reason": .message(.system(errno))]) }
        let folder = open(target.deletingLastPathComponent().path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if folder >= 0 { _ = fsync(folder); close(folder) }
    }

    /// Partial files and scratch folders in `folder` left by processes that have ended:
    /// those of `name` only, or all; with `evenRunning` (under the batch lock, where no
    /// other lotse process writes into the folder) also those of running processes.
    /// Returns the names removed.
    @discardableResult
    public static func removeStale(in folder: URL, name: String? = nil, evenRunning: Bool = false) -> [String] {
        stale(in: folder, name: name, evenRunning: evenRunning).filter { (try? FileManager.default.removeItem(at: folder.appendingPathComponent($0))) != nil }
    }

    /// The names `removeStale` would remove.
    public static func stale(in folder: URL, name: String? = nil, evenRunning: Bool = false) -> [String] {
        guard let files = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return [] }
        return files.filter { file in
            guard let marker = file.range(of: ".partial-") else { return false }
            if let name, file[..<marker.lowerBound] != name { return false }
            let pid = pid_t(file[marker.upperBound...].prefix(while: \.isNumber)) ?? 0
            if pid == getpid() { return false }
            let running = pid > 0 && (kill(pid, 0) == 0 || errno == EPERM)
            return evenRunning || !running
        }
    }
}
