import ArgumentParser
import LotseCore
import PluginKit

/// The date of a recorded fact: `--on`, default today.
struct DateOption: ParsableArguments {
    @Option(help: ArgumentHelp("Date (default today).", valueName: "date")) var on: LocalDate?
    var date: LocalDate { on ?? LocalDate.today }

    /// The date of a destructive change: never after today (an erasure "on 2045-01-01"
    /// would end a retention period that still runs, a purge in 2099 every archive).
    func destructive() throws -> LocalDate {
        let today = LocalDate.today
        guard date <= today else { throw UsageError("date.afterToday", ["option": .text("--on"), "date": .date(date), "today": .date(today)]) }
        return date
    }
}
