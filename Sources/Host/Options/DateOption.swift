import ArgumentParser
import LotseCore
import PluginKit

/// The date of a recorded fact: `--on`, default today.
struct DateOption: ParsableArguments {
    @Option(help: ArgumentHelp("Date (default today).", valueName: "date")) var on: LocalDate?
    var date: LocalDate { on ?? LocalDate.today }
}
