import Foundation

/// Only one batch run at a time per database: an advisory lock (flock) on a file beside
/// it. The kernel releases the lock when the process ends, so a crashed run never
/// leaves it stuck.
public final class BatchLock {
    private let descriptor: Int32

    public init(database: String?) throws {
        let path = (database ?? FileManager.default.temporaryDirectory.appendingPathComponent("lotse-memory").path) + ".batch-lock"
        // The lock file is as shared as the database (a shared installation uses 0660), so
        // whoever may run a batch on the database can take the lock.
        var info = stat()
        let mode = database.flatMap { stat($0, &info) == 0 ? mode_t(info.st_mode & 0o666) : nil } ?? 0o600
        descriptor = open(path, O_CREAT | O_RDONLY | O_CLOEXEC, mode)
        if descriptor >= 0 { fchmod(descriptor, mode) }  // past the umask; fails harmlessly if another user made it
        guard descriptor >= 0 else { throw DataError("batch.lockFile", ["path": .text(path), "reason": .message(.system(errno))]) }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            close(descriptor)
            throw UsageError("batch.locked")
        }
    }

    deinit {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
