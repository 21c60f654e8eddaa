import Foundation
import PluginKit

extension LocalDate {
    /// Today in the machine's time zone: the default date of anything recorded, and the
    /// limit of every fact's date. A debug build (the one the end-to-end tests run) takes
    /// another day from `LOTSE_TEST_TODAY`, the one sanctioned test clock; a release
    /// build reads no such variable.
    public static var today: LocalDate {
        #if DEBUG
        if let value = getenv("LOTSE_TEST_TODAY"), let date = LocalDate(iso: String(cString: value)) { return date }
        #endif
        let parts = Calendar.current.dateComponents([.year, .month, .day], from: Date())
        return LocalDate(year: parts.year!, month: parts.month!, day: parts.day!)!
    }
}
