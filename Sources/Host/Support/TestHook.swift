import Foundation
import Synchronization

/// Test hooks, inert unless their environment variable is set: they let the crash
/// tests kill the process at a chosen point. Only debug builds (the ones the end-to-end
/// and package tests run) read the variables.
enum TestHook {
    /// Kills the process (SIGKILL) after the N-th call, N from the variable.
    static func killAfter(_ variable: String) -> (@Sendable (Int64) -> Void)? {
        #if !DEBUG
        return nil
        #endif
        guard let limit = getenv(variable).flatMap({ Int(String(cString: $0)) }), limit > 0 else { return nil }
        let counter = Counter()
        return { _ in if counter.increment() >= limit { kill(getpid(), SIGKILL) } }
    }

    final class Counter: Sendable {
        private let value = Mutex(0)
        func increment() -> Int { value.withLock { $0 += 1; return $0 } }
    }
}
