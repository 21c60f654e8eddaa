import Foundation

/// Files are written under `NAME.partial-PID` and renamed when complete. A process
/// killed before the rename leaves its partial file (and libzip's own temporary files
/// beside it, `NAME.partial-PID.XXXXXX`); the next writer of the same name removes them.
enum PartialFile {
    /// Where this process writes `path` before renaming it.
    static func path(for path: String) -> String { path + ".partial-\(getpid())" }

    /// Removes partial files in `folder` left by processes that have ended: those of
    /// `name` only, or every one when `name` is nil (under the batch lock, where no
    /// other lotse process can be writing into the folder).
    static func removeStale(in folder: URL, name: String? = nil) {
        guard let files = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return }
        for file in files {
            guard let marker = file.range(of: ".partial-") else { continue }
            if let name, file[..<marker.lowerBound] != name { continue }
            let pid = pid_t(file[marker.upperBound...].prefix(while: \.isNumber)) ?? 0
            let running = pid > 0 && pid != getpid() && (kill(pid, 0) == 0 || errno == EPERM)
            if name == nil || !running { try? FileManager.default.removeItem(at: folder.appendingPathComponent(file)) }
        }
    }
}
