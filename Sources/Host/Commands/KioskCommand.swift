import ArgumentParser
import Foundation
import LotseCore

/// `lotse kiosk` (or `lotse-kiosk`, a link, as a login shell): a supervisor that runs
/// one kiosk session after another in a child process. Whatever happens to a session —
/// logout, idle logout, a crash — the next login prompt follows; never a shell.
struct KioskCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kiosk",
        abstract: "The locked-down terminal for shared office machines: login, lotse commands only, idle logout.",
        discussion: "Make it the login shell of a kiosk account through the lotse-kiosk link (see README)."
    )
    @OptionGroup var config: ConfigOptions
    @Flag(name: .customLong("session"), help: .hidden) var session = false

    func run() throws {
        let context = try AppContext(options: config)
        if session { return try Kiosk(context: context, options: config).run() }
        // Sessions find the configuration as the supervisor did (the environment, or
        // --config passed on; in the shared installation only /etc/lotse counts).
        try Self.supervise(crashed: context.text("kiosk.crashed"), configuration: config.path)
    }

    /// Starts sessions until the terminal is gone (then returns). Ctrl-C, Ctrl-\\ and
    /// Ctrl-Z do not reach the supervisor.
    static func supervise(crashed: String, configuration: String? = nil) throws {
        for signalNumber in [SIGINT, SIGQUIT, SIGTSTP] { signal(signalNumber, SIG_IGN) }
        // Swift's crash handler offers a debugger on a terminal: a way out of the kiosk.
        setenv("SWIFT_BACKTRACE", "enable=no", 1)
        let executable = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        let arguments = ["lotse", "kiosk", "--session"] + (configuration.map { ["--config", $0] } ?? [])
        while true {
            let started = ContinuousClock.now
            var child: pid_t = 0
            let argv = arguments.map { strdup($0) } + [nil]
            defer { argv.forEach { free($0) } }
            // The session writes its messages to the terminal's standard error, which
            // this process keeps aside (its own fd 2 is the crash file, see CrashGuard).
            var actions = posix_spawn_file_actions_t()
            posix_spawn_file_actions_init(&actions)
            defer { posix_spawn_file_actions_destroy(&actions) }
            posix_spawn_file_actions_adddup2(&actions, CrashGuard.userError, STDERR_FILENO)
            guard posix_spawn(&child, executable, &actions, nil, argv, environ) == 0 else { throw UsageError("error.kiosk.spawn") }
            var status: Int32 = 0
            while waitpid(child, &status, 0) < 0 && errno == EINTR {}
            let exited = status & 0x7f == 0
            if exited && (status >> 8) & 0xff == Kiosk.hangupExitCode || Kiosk.terminalGone() { return }
            if !exited || (status >> 8) & 0xff != 0 {
                Kiosk.clearScreen()
                print(crashed)
                // A session that fails at once must not spin.
                if ContinuousClock.now - started < .seconds(2) { sleep(2) }
            }
        }
    }
}
