import Foundation

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

    /// Ends the bar's line.
    func finish() {
        if terminal { print("") }
    }
}
