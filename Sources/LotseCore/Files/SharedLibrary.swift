import Foundation

/// A C library opened when a command first needs it (dlopen) instead of by the loader
/// at every start: libzip and libxlsxwriter, which only a few commands use. Their
/// system-library targets link nothing; each header's loader finds the functions lotse
/// calls, typed as the library declares them.
enum SharedLibrary {
    /// The functions `load` found, or an error naming the library and why it failed.
    static func open<Functions>(_ library: String, _ load: () -> UnsafePointer<Functions>?) -> Result<Functions, DataError> {
        if let functions = load() { return .success(functions.pointee) }
        let reason = dlerror().map { String(cString: $0) } ?? ""
        return .failure(DataError("library.missing", ["library": .text(library), "reason": .text(reason)]))
    }
}
