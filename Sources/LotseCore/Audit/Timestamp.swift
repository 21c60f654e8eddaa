import Foundation
import GRDB

/// UTC timestamps in the audit log and answer history: "2026-11-26T10:54:16Z".
enum Timestamp {
    static func string(_ date: Date) -> String {
        date.formatted(.iso8601.year().month().day().dateSeparator(.dash).time(includingFractionalSeconds: false).timeSeparator(.colon))
    }

    /// Parses such a timestamp; nil for anything else.
    static func date(_ text: String) -> Date? {
        try? Date(text, strategy: .iso8601)
    }
}
