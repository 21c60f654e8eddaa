import ArgumentParser
import LotseCore
import PluginKit

extension Lotse {
    /// `lotse due`.
    struct DueCommand: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "due", abstract: "Reviews and goals due within N days.",
                                                        discussion: "Also overdue handover receipts, and cases reaching their limit of care within careEndWarningMonths.")
        @OptionGroup var store: StoreOptions
        @OptionGroup var output: OutputOptions
        @Option(help: "Days ahead.") var days = 14
        @Option(help: "Only this staff member's cases (id or name; default: your own, or the whole team's for a lead).") var staff: String?
        @OptionGroup var date: DateOption

        func run() throws {
            let session = try store.session()
            let until = date.date.adding(days: days)
            let principal = session.store.principal
            let own = principal.roles.contains(.lead) ? nil : principal.staffId.map(String.init)
            let items = try session.store.due(until: until, staff: staff ?? own, deployment: session.context.configuration.deployment)
            if output.json { return print(try JSONOutput.string(items)) }
            if items.isEmpty { return Console.say("due.none", ["date": .date(until)]) }
            print(TextTable(header: Console.columns("table.due"),
                            rows: items.map { [Console.date($0.date), String($0.caseId), what($0), $0.staff ?? "–"] }).render())
        }

        private func what(_ item: DueItem) -> String {
            item.kind == "receipt" ? Console.text("due.receipt", ["to": .text(item.title ?? "")]) : item.title ?? Console.text("due.\(item.kind)")
        }
    }
}
