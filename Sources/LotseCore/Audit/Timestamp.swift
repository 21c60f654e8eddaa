import Foundation
import GRDB

/// UTC timestamps in the audit log and answer history: "2026-11-26T10:54:16Z".
enum Timestamp {
    private static let style = Date.ISO8601FormatStyle.iso8601.year().month().day().dateSeparator(.dash).time(includingFractionalSeconds: false).timeSeparator(.colon)

    static func string(_ date: Date) -> String { date.formatted(style) }

    /// Parses such a timestamp; nil for anything else.
    static func date(_ text: String) -> Date? {
        (try? Date(text, strategy: .iso8601)) ?? (try? Date(text, strategy: style))
    }
}
