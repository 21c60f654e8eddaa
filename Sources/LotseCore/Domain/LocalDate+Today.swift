import Foundation
import PluginKit

extension LocalDate {
    /// Today in the machine's time zone: the default date of anything recorded.
    public static var today: LocalDate {
        let parts = Calendar.current.dateComponents([.year, .month, .day], from: Date())
        return LocalDate(year: parts.year!, month: parts.month!, day: parts.day!)!
    }
}
