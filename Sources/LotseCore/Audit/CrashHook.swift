import Foundation
import Synchronization

/// For the crash-safety tests only: with LOTSE_TEST_KILL_AFTER_AUDIT_EVENTS=N set, the
/// process kills itself (SIGKILL) right after writing its N-th audit event, in the
/// middle of a transaction. Inert when the variable is not set; a release build reads
/// no such variable.
enum CrashHook {
    #if DEBUG
    private static let limit = getenv("LOTSE_TEST_KILL_AFTER_AUDIT_EVENTS").flatMap { Int(String(cString: $0)) }
    #else
    private static let limit: Int? = nil
    #endif
    private static let count = Mutex(0)

    static func auditEventWritten() {
        guard let limit else { return }
        if count.withLock({ $0 += 1; return $0 }) >= limit { kill(getpid(), SIGKILL) }
    }
}
