import Foundation
import LotseCore

/// No crash ever shows a user a backtrace or a source path, and no library writes into
/// lotse's files. Swift traps cannot be caught, so at start-up the standard error stream
/// (where the Swift runtime, readline and other libraries report) is pointed at
/// /dev/null and lotse's own messages keep a copy of the real standard error. A handler
/// for the crash signals appends the backtrace (addresses and symbols, no data values) to
/// a private crash file, at most `maxCrashFileBytes`, and writes one line to the user. In
/// the handler only async-signal-safe calls run: `open`, `fstat`, `backtrace`,
/// `backtrace_symbols_fd`, `write`, `close`, `_exit`.
enum CrashGuard {
    /// Exit status after a crash (EX_SOFTWARE).
    static let exitCode: Int32 = 70
    /// A crash file this large takes no more backtraces.
    static let maxCrashFileBytes = 1 << 20

    /// Where lotse's messages go: the standard error lotse was started with.
    nonisolated(unsafe) private(set) static var userError: Int32 = STDERR_FILENO

    static func install(crashFile: URL, message: String) {
        let saved = fcntl(STDERR_FILENO, F_DUPFD_CLOEXEC, 3)
        let sink = open("/dev/null", O_WRONLY | O_CLOEXEC)
        guard saved >= 0, sink >= 0, dup2(sink, STDERR_FILENO) >= 0 else { return }
        close(sink)
        userError = saved
        try? FileManager.default.createDirectory(at: crashFile.deletingLastPathComponent(), withIntermediateDirectories: true,
                                                 attributes: [.posixPermissions: 0o700])
        crashPath = strdup(crashFile.path)
        // glibc's execinfo is not in the Glibc module map: look the two functions up.
        backtraceFunction = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "backtrace").map { unsafeBitCast($0, to: Backtrace.self) }
        symbolsFunction = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "backtrace_symbols_fd").map { unsafeBitCast($0, to: BacktraceSymbols.self) }
        crashLine = strdup(message + "\n")
        crashLineLength = strlen(crashLine!)
        // The runtime's own backtracer would print to the terminal (and offers a debugger).
        setenv("SWIFT_BACKTRACE", "enable=no", 1)
        for signalNumber in [SIGILL, SIGTRAP, SIGABRT, SIGBUS, SIGFPE, SIGSEGV] { signal(signalNumber, crashHandler) }
    }

    typealias Backtrace = @convention(c) (UnsafeMutablePointer<UnsafeMutableRawPointer?>, Int32) -> Int32
    typealias BacktraceSymbols = @convention(c) (UnsafePointer<UnsafeMutableRawPointer?>, Int32, Int32) -> Void
    nonisolated(unsafe) fileprivate static var backtraceFunction: Backtrace?
    nonisolated(unsafe) fileprivate static var symbolsFunction: BacktraceSymbols?
    nonisolated(unsafe) fileprivate static var crashPath: UnsafeMutablePointer<CChar>?
    nonisolated(unsafe) fileprivate static var crashLine: UnsafeMutablePointer<CChar>?
    nonisolated(unsafe) fileprivate static var crashLineLength = 0
    nonisolated(unsafe) fileprivate static let frames = UnsafeMutablePointer<UnsafeMutableRawPointer?>.allocate(capacity: 64)
}

private func crashHandler(_ signalNumber: Int32) {
    let header: StaticString = "--- lotse crashed; backtrace: ---\n"  // no allocation in a handler
    if let path = CrashGuard.crashPath {
        let file = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC | O_NOFOLLOW, 0o600)
        var status = stat()
        if file >= 0, fstat(file, &status) == 0, status.st_size < CrashGuard.maxCrashFileBytes {
            _ = write(file, header.utf8Start, header.utf8CodeUnitCount)
            if let backtrace = CrashGuard.backtraceFunction, let symbols = CrashGuard.symbolsFunction {
                symbols(CrashGuard.frames, backtrace(CrashGuard.frames, 64), file)
            }
        }
        if file >= 0 { close(file) }
    }
    if let line = CrashGuard.crashLine { _ = write(CrashGuard.userError, line, CrashGuard.crashLineLength) }
    _exit(CrashGuard.exitCode)
}
