import Foundation
import LotseCore
import Synchronization

/// Reads of standard input outside readline (a hidden passphrase, a note typed to its
/// end) under the kiosk's idle deadline: when it passes, the read ends with an error and
/// every later read ends at once, so the session logs out as after Ctrl-D and the next
/// person at the terminal never continues as the last one. Outside the kiosk a plain read.
enum IdleInput {
    /// Waits until standard input has something to read; throws when the kiosk's idle time ran out.
    static func wait() throws {
        guard let idle = LineEditor.idleLogout.withLock({ $0 }) else { return }
        if LineEditor.idledOut.withLock({ $0 }) { throw UsageError("kiosk.idleInput") }
        let (seconds, attoseconds) = idle.components
        let milliseconds = Int32(clamping: seconds * 1000 + attoseconds / 1_000_000_000_000_000)
        var descriptor = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
        while true {
            let ready = poll(&descriptor, 1, milliseconds)
            if ready > 0 || (ready < 0 && errno != EINTR) { return }
            if ready == 0 {
                LineEditor.idledOut.withLock { $0 = true }
                throw UsageError("kiosk.idleInput")
            }
        }
    }

    /// One line of standard input.
    static func line() throws -> String? {
        try wait()
        return readLine(strippingNewline: true)
    }

    /// Standard input to its end, at most `limit` bytes (more is refused).
    static func all(limit: Int) throws -> Data {
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 64 << 10)
        while true {
            try wait()
            let count = read(STDIN_FILENO, &buffer, buffer.count)
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { return data }
            data.append(contentsOf: buffer[..<count])
            guard data.count <= limit else { throw UsageError("input.tooLarge", ["limit": .number(limit)]) }
        }
    }
}
