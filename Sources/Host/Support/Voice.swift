import Foundation
import LotseCore
import PluginKit

/// The words of one session: its catalog (the deployment's locale, or the user's own),
/// and the ways a message reaches the user in it. A command gets it from its session
/// (`session.voice`); dialogs and renderers are handed it. There is no process-wide one:
/// `startup` speaks only before a session exists (a broken configuration, a crash).
struct Voice {
    let catalog: Catalog

    /// The deployment's language as plugins.json names it, read at start-up without a
    /// session; German, the county's language, when there is none.
    static let startup = Voice(catalog: Console.startupCatalog)

    /// A message in this voice's language.
    func text(_ message: Message) -> String { catalog.render(message) }
    func text(_ key: String, _ arguments: [String: TextValue] = [:]) -> String { catalog.render(Message(key, arguments)) }

    /// A date as the locale writes it; "–" for none.
    func date(_ value: LocalDate?) -> String { value.map { catalog.date($0) } ?? "–" }
    /// An enum value's label.
    func label(_ value: some Labelled) -> String { catalog.format(value.label) }
    /// A table's column headings: one catalog text, the columns separated by "|".
    func columns(_ key: String) -> [String] { text(key).split(separator: "|", omittingEmptySubsequences: false).map(String.init) }

    /// Prints a message on standard output.
    func say(_ key: String, _ arguments: [String: TextValue] = [:]) { print(text(key, arguments)) }
    func say(_ message: Message) { print(text(message)) }

    /// One line on standard error: "lotse: " and the message.
    func error(_ message: Message) { Console.standardError("lotse: \(text(message))\n") }

    /// Any error as one line: lotse's own by their message; another (a bug) by a
    /// generic line naming only its type (never data).
    func error(_ error: any Error) { self.error(Console.message(for: error)) }
}

// MARK: - The audit log in words

extension Voice {
    /// An audit event's action ("angelegt", "gelesen").
    func auditAction(_ action: String) -> String { text("audit.action.\(action)") }

    /// The record an event is about: its kind in words and its number ("Fall 73").
    func auditRecord(_ entity: String, _ id: Int64?) -> String {
        text("audit.entity.\(entity)") + (id.map { " \($0)" } ?? "")
    }

    /// An event's time (stored in UTC) in this computer's time zone, the date as the locale writes it.
    func auditTime(_ stored: String) -> String {
        guard let date = try? Date(stored.hasSuffix("Z") ? stored : stored + "Z", strategy: .iso8601) else { return stored }
        let parts = Calendar.current.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        guard let day = LocalDate(year: parts.year ?? 0, month: parts.month ?? 0, day: parts.day ?? 0) else { return stored }
        return catalog.date(day) + String(format: " %02d:%02d:%02d", parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0)
    }
}
