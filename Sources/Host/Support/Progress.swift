import Foundation
import Synchronization

/// Progress of a batch run: a bar on a terminal, a log line per case otherwise (cron).
struct Progress {
    let total: Int
    private var done = 0
    private let terminal = isatty(STDOUT_FILENO) == 1

    init(total: Int) { self.total = total }

    /// One case done; a failed one's line shows on a terminal too.
    mutating func step(_ line: String, failed: Bool = false) {
        done += 1
        if terminal {
            let width = 30, filled = total == 0 ? width : width * done / total
            print("\r[\(String(repeating: "#", count: filled))\(String(repeating: " ", count: width - filled))] \(done)/\(total)", terminator: "")
            fflush(nil)
            if failed { print("\n" + line) }
        } else {
            print(line)
        }
    }

    func finish(_ summary: String) {
        if terminal { print("") }
        print(summary)
    }
}

/// Test hooks, inert unless their environment variable is set: they let the crash
/// tests kill the process at a chosen point.
enum TestHook {
    /// Kills the process (SIGKILL) after the N-th call, N from the variable.
    static func killAfter(_ variable: String) -> (@Sendable (Int64) -> Void)? {
        guard let limit = ProcessInfo.processInfo.environment[variable].flatMap(Int.init), limit > 0 else { return nil }
        let counter = Counter()
        return { _ in if counter.increment() >= limit { kill(getpid(), SIGKILL) } }
    }

    final class Counter: Sendable {
        private let value = Mutex(0)
        func increment() -> Int { value.withLock { $0 += 1; return $0 } }
    }
}
