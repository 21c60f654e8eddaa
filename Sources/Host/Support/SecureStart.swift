import Foundation
import LotseCore

/// What the packaged, setuid `lotse` does before anything else (secure mode, see
/// `UserRights`): no core dumps or ptrace by the user, only an allowlist of the
/// environment (glibc drops `LD_*` and `TMPDIR` but keeps `INPUTRC`, `SQLITE_TMPDIR`,
/// `XDG_*`, which readline and SQLite would follow), scratch files in lotse's own folder,
/// no user init file for any library.
enum SecureStart {
    /// Variables a session may keep: terminal and colours, language, time zone, who and where.
    static let allowed: Set<String> = ["TERM", "NO_COLOR", "LANG", "LANGUAGE", "TZ", "COLUMNS", "LINES", "HOME", "USER", "LOGNAME"]

    /// True when the caller tried to choose paths that secure mode ignores.
    nonisolated(unsafe) private(set) static var ignoredSomething = false

    /// Setting up the shared installation (its first admin, a restore where there is no
    /// database, a migration) is root's: else any user could make themselves its admin.
    static func requireRoot(_ command: String) throws {
        guard UserRights.secure, getuid() != 0 else { return }
        throw UsageError("secure.rootOnly", ["command": .text(command)])
    }

    static func prepare(arguments: [String]) {
        UserRights.forbidDumps()
        let environment = ProcessInfo.processInfo.environment
        ignoredSomething = environment.keys.contains { $0.hasPrefix("LOTSE_") }
            || arguments.contains { argument in ["--db", "--config", "--trusted-keys"].contains { argument == $0 || argument.hasPrefix($0 + "=") } }
        for name in environment.keys where !allowed.contains(name) && !name.hasPrefix("LC_") { unsetenv(name) }
        let scratch = Locations.scratch.path
        setenv("TMPDIR", scratch, 1)
        setenv("SQLITE_TMPDIR", scratch, 1)
        setenv("PATH", "/usr/bin:/bin", 1)
        // Libraries open files with lotse's rights: readline's init file (whose
        // `$include` would read any lotse-only file) is none, and `~` and the user's own
        // paths (history, export folder) come from the password database, not from $HOME.
        setenv("INPUTRC", "/dev/null", 1)
        // fontconfig (printing a PDF) reads lotse's own configuration: the system's fonts
        // and cache, never a user's fonts.conf, whose <include>, <dir> or <cachedir> would
        // be opened with lotse's rights.
        setenv("FONTCONFIG_FILE", Locations.systemResources.appendingPathComponent("fonts.conf").path, 1)
        if let entry = getpwuid(getuid()), let home = entry.pointee.pw_dir { setenv("HOME", String(cString: home), 1) } else { unsetenv("HOME") }
    }
}
