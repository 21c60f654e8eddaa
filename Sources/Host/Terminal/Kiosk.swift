import ArgumentParser
import Foundation
import LotseCore
import Synchronization

/// One kiosk session: login (hidden password, lockout in LotseCore), then the REPL as
/// that user with the kiosk's limits, until logout, Ctrl-D or the idle time. Runs in
/// a child of `KioskCommand`, so a crash ends only the session, never the kiosk.
struct Kiosk {
    let context: AppContext
    let limits: KioskLimits

    /// Exit code telling the supervisor that the terminal is gone.
    static let hangupExitCode: Int32 = 75

    /// Where the configuration was read from (passed on by the supervisor).
    let options: ConfigOptions

    init(context: AppContext, options: ConfigOptions) throws {
        self.context = context
        self.options = options
        let home = ProcessInfo.processInfo.environment["HOME"] ?? NSTemporaryDirectory()
        let folder = URL(fileURLWithPath: context.configuration.deployment.kioskExportDir ?? home + "/lotse-export")
        try UserRights.asUser {  // the user's folder, made with the user's rights
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        }
        limits = KioskLimits(exportFolder: folder, idle: .milliseconds(Int(60_000 * context.configuration.deployment.idleLogoutMinutes)))
    }

    /// One session, from login to logout; errors are thrown to the command, which exits.
    /// Each login works in a folder of its own inside the export folder, removed at
    /// logout (and, for a session that was killed, by the next one), so what one user
    /// exported is never there for the next.
    func run() throws {
        signal(SIGTSTP, SIG_IGN)
        signal(SIGQUIT, SIG_IGN)
        let base = limits.exportFolder
        UserRights.asUser { _ = PartialFile.removeStale(in: base) }
        guard UserRights.asUser({ FileManager.default.changeCurrentDirectoryPath(base.path) }) else {
            throw DataError("kiosk.exportFolder", ["folder": .text(base.path)])
        }
        let databaseFile = context.locations.database(explicit: nil)
        let principal = try logIn(Accounts(database: try LotseDatabase.open(at: databaseFile)))
        let folder = PartialFile.scratch(in: base, named: "export")
        let created = UserRights.asUser { () -> Bool in
            (try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])) != nil
                && FileManager.default.changeCurrentDirectoryPath(folder.path)
        }
        guard created else { throw DataError("kiosk.exportFolder", ["folder": .text(folder.path)]) }
        let removeFolder = { UserRights.asUser { _ = try? FileManager.default.removeItem(at: folder) } }
        defer { removeFolder() }
        let limits = KioskLimits(exportFolder: folder, idle: self.limits.idle)
        // The commands typed in this session act as the one who logged in.
        let workplace = try Workplace(context: try self.context.speaking(to: principal), options: options, databaseFile: databaseFile, kioskUser: principal)
        let context = workplace.context
        context.voice.say("kiosk.hello", ["user": .text(principal.name)])
        let minutes = context.configuration.deployment.idleLogoutMinutes
        let farewell = context.voice.text("kiosk.idle", ["minutes": minutes.rounded() == minutes ? .number(Int(minutes)) : .decimal(minutes, places: 2)])
        LineEditor.idleLogout.withLock { $0 = limits.idle }
        Repl(workplace: workplace, principal: principal, kiosk: limits).run()
        removeFolder()  // before the next person can see the login prompt
        Self.clearScreen()
        if LineEditor.idledOut.withLock({ $0 }) { print(farewell) }
    }

    /// Asks for name and password until a login succeeds (lockout is LotseCore's).
    private func logIn(_ accounts: Accounts) throws -> Principal {
        let editor = LineEditor(name: "lotse-kiosk", historyFile: nil, completer: { _, _ in [] })
        while true {
            print(context.text("kiosk.welcome"))
            let name: String
            switch editor.read(prompt: context.text("kiosk.user")) {
            case .line(let line): name = line.trimmingCharacters(in: .whitespaces)
            case .endOfInput: if Self.terminalGone() { throw ExitCode(Self.hangupExitCode) } else { continue }
            case .interrupted, .timedOut: continue
            }
            guard !name.isEmpty else { continue }
            do {
                return try accounts.login(name: name, password: try Passphrase.hidden(context.text("kiosk.password")), terminal: Self.terminal)
            } catch {
                context.voice.error(error)
            }
        }
    }

    /// The terminal the kiosk runs on (failed logins count per terminal).
    static var terminal: String {
        ttyname(STDIN_FILENO).map { String(cString: $0) } ?? "?"
    }

    /// Clears the screen so the next person sees nothing of the last session.
    static func clearScreen() {
        Console.control("\u{1B}[H\u{1B}[2J\u{1B}[3J")
        fflush(nil)
    }

    /// Whether stdin's terminal hung up (then the kiosk ends instead of asking again).
    static func terminalGone() -> Bool {
        var descriptor = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
        return isatty(STDIN_FILENO) == 0 || (poll(&descriptor, 1, 0) > 0 && descriptor.revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0)
    }
}
