import CReadline
import Foundation
import LotseCore
import Synchronization

/// GNU readline through its callback interface: the only type that touches CReadline.
///
/// `poll` waits on the terminal and on a self-pipe that the C signal handler writes to,
/// so Ctrl-C, window resizes and idle timeouts are handled on the main thread, never in
/// a signal handler. Readline's own signal handling is off. Use from the main thread
/// only; readline has one global state, so there is one editor per process.
final class LineEditor {
    /// Offers completions for the word being typed, given the text before it.
    typealias Completer = @Sendable (_ before: String, _ word: String) -> [String]

    private let signalDescriptor: Int32
    private let historyFile: URL?

    init(name: String, historyFile: URL?, completer: @escaping Completer) {
        self.historyFile = historyFile
        lotse_rl_configure()
        lotse_rl_set_completer(attemptCompletion)
        lotse_rl_set_getc(readKey)
        lotse_rl_initialize()
        signalDescriptor = lotse_install_signal_pipe()
        completion.withLock { $0.completer = completer }
        if let historyFile {
            using_history()
            stifle_history(1000)
            // The history is the user's file, read and written with the user's rights.
            UserRights.asUser {
                try? FileManager.default.createDirectory(at: historyFile.deletingLastPathComponent(), withIntermediateDirectories: true,
                                                         attributes: [.posixPermissions: 0o700])
                _ = read_history(historyFile.path)
            }
        }
    }

    /// In the kiosk: after this long without a key, whatever is being read (a command,
    /// an intake answer) ends as if the input had ended, and so does every read after it:
    /// each loop leaves the way it does at Ctrl-D (an intake pauses and keeps its place),
    /// up to the kiosk, which logs out.
    static let idleLogout = Mutex<Duration?>(nil)
    /// Set once the kiosk's idle time ran out.
    static let idledOut = Mutex(false)

    /// Reads one line; `timeout` ends the wait with `.timedOut`.
    func read(prompt: String, timeout: Duration? = nil) -> LineInput {
        guard timeout == nil, let idle = Self.idleLogout.withLock({ $0 }) else { return readLine(prompt: prompt, timeout: timeout) }
        if Self.idledOut.withLock({ $0 }) { return .endOfInput }
        let result = readLine(prompt: prompt, timeout: idle)
        guard case .timedOut = result else { return result }
        Self.idledOut.withLock { $0 = true }
        return .endOfInput
    }

    private func readLine(prompt: String, timeout: Duration?) -> LineInput {
        delivered.withLock { $0 = nil }
        pending.withLock { $0 = PendingSignals() }
        rl_callback_handler_install(prompt, handleLine)
        defer { rl_callback_handler_remove() }
        let deadline = timeout.map { ContinuousClock.now + $0 }
        while true {
            var fds = [pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0),
                       pollfd(fd: signalDescriptor, events: Int16(POLLIN), revents: 0)]
            var waitMilliseconds: Int32 = -1
            if let deadline {
                let left = ContinuousClock.now.duration(to: deadline)
                if left <= .zero { print(""); return .timedOut }
                waitMilliseconds = Int32(min(1000, left.components.seconds * 1000 + left.components.attoseconds / 1_000_000_000_000_000 + 1))
            }
            let ready = poll(&fds, 2, waitMilliseconds)
            if ready < 0 {
                if errno == EINTR { continue }
                return .endOfInput
            }
            if fds[1].revents & Int16(POLLIN) != 0 { collectSignals(signalDescriptor) }
            if fds[0].revents & Int16(POLLIN | POLLHUP | POLLERR) != 0, !pending.withLock({ $0.interrupted }) {
                rl_callback_read_char()
            }
            let (interrupted, resized) = pending.withLock { state in
                defer { state = PendingSignals() }
                return (state.interrupted, state.resized)
            }
            if resized { rl_resize_terminal() }
            if interrupted {
                rl_free_line_state()
                rl_callback_sigcleanup()
                rl_replace_line("", 0)
                print("^C")
                return .interrupted
            }
            switch delivered.withLock({ $0 }) {
            case .line(let text)?: return .line(text)
            case .endOfInput?:
                print("")
                return .endOfInput
            case nil: continue
            }
        }
    }

    /// Replaces what Tab offers (the REPL's commands, an intake question's choices).
    func setCompleter(_ completer: @escaping Completer) {
        completion.withLock { $0.completer = completer }
    }

    /// Adds an entry to the history (the caller decides what may be kept).
    func remember(_ entry: String) {
        add_history(entry)
    }

    /// Writes the history file, readable by the user only.
    func saveHistory() {
        guard let historyFile else { return }
        UserRights.asUser {
            _ = write_history(historyFile.path)
            _ = chmod(historyFile.path, 0o600)
        }
    }
}

// MARK: - Callbacks from C

/// What the line handler received; read by `LineEditor.read`.
private enum DeliveredLine: Sendable {
    case line(String)
    case endOfInput
}

private let delivered = Mutex<DeliveredLine?>(nil)

/// Signals seen on the self-pipe and not yet acted on.
private struct PendingSignals: Sendable {
    var interrupted = false
    var resized = false
}

private let pending = Mutex(PendingSignals())

/// Reads the self-pipe's bytes into `pending`.
private func collectSignals(_ descriptor: Int32) {
    var byte: UInt8 = 0
    while Glibc.read(descriptor, &byte, 1) == 1 {
        let signal = Int32(byte)
        pending.withLock { state in
            if signal == SIGINT { state.interrupted = true }
            if signal == SIGWINCH { state.resized = true }
        }
    }
}

/// Readline's key reader. It waits on the terminal and the self-pipe together, so a
/// Ctrl-C that arrives while readline waits for a key (the terminal flushes what was
/// typed, so readline may block mid-read) still ends the wait: it returns EOF, and
/// the editor sees the interrupt flag and drops the line.
private func readKey(_ stream: UnsafeMutablePointer<FILE>?) -> Int32 {
    let signalDescriptor = lotse_install_signal_pipe()
    while true {
        if pending.withLock({ $0.interrupted }) { return EOF }
        var fds = [pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0),
                   pollfd(fd: signalDescriptor, events: Int16(POLLIN), revents: 0)]
        if poll(&fds, 2, -1) < 0 {
            if errno == EINTR { continue }
            return EOF
        }
        if fds[1].revents & Int16(POLLIN) != 0 {
            collectSignals(signalDescriptor)
            continue
        }
        // Ctrl-C flushes the terminal's input: re-check so that read does not block.
        if fds[0].revents & Int16(POLLHUP | POLLERR) == 0, lotse_bytes_available(STDIN_FILENO) == 0 { continue }
        var byte: UInt8 = 0
        switch Glibc.read(STDIN_FILENO, &byte, 1) {
        case 1: return Int32(byte)
        case 0: return EOF
        default: if errno != EINTR && errno != EAGAIN { return EOF }
        }
    }
}

private func handleLine(_ raw: UnsafeMutablePointer<CChar>?) {
    // Removed here, inside the handler, so readline does not show the prompt again
    // before the command's output; `read` installs it anew for the next line.
    rl_callback_handler_remove()
    guard let raw else {
        delivered.withLock { $0 = .endOfInput }
        return
    }
    let text = String(cString: raw)
    free(raw)
    delivered.withLock { $0 = .line(text) }
}

private struct CompletionState: Sendable {
    var completer: LineEditor.Completer?
    var candidates: [String] = []
    var next = 0
}

private let completion = Mutex(CompletionState())

private func attemptCompletion(_ text: UnsafePointer<CChar>?, _ start: Int32, _ end: Int32) -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? {
    lotse_rl_set_completion_over(1)
    let buffer = Array(String(cString: lotse_rl_line_buffer()).utf8)
    let before = String(decoding: buffer.prefix(Int(start)), as: UTF8.self)
    let word = text.map { String(cString: $0) } ?? ""
    let completer = completion.withLock { $0.completer }
    let candidates = (completer?(before, word) ?? []).filter { $0.hasPrefix(word) }
    completion.withLock {
        $0.candidates = candidates
        $0.next = 0
    }
    return rl_completion_matches(text, nextCompletion)
}

private func nextCompletion(_ text: UnsafePointer<CChar>?, _ state: Int32) -> UnsafeMutablePointer<CChar>? {
    let candidate: String? = completion.withLock { state in
        guard state.next < state.candidates.count else { return nil }
        state.next += 1
        return state.candidates[state.next - 1]
    }
    return candidate.flatMap { strdup($0) }
}
