import ArgumentParser
import Foundation
import LotseCore
import PluginKit

extension Lotse.HandoverCommand {
    struct List: LotseCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "Bundles sent and received, and which sent ones still lack the receiver's receipt."
        )
        @OptionGroup var store: StoreOptions
        @OptionGroup var output: OutputOptions
        @OptionGroup var date: DateOption

        func run(in source: SessionSource) throws {
            let session = try source.session(store)
            let voice = session.voice
            let entries = try session.store.handovers(on: date.date, overdueAfter: session.context.configuration.deployment.receiptOverdueDays)
            if output.json { return print(try JSONOutput.string(entries)) }
            if entries.isEmpty { return voice.say("handover.noneYet") }
            print(TextTable(header: voice.columns("table.handovers"), rows: entries.map { entry in
                let receipt = entry.direction == "in" ? "–" : entry.receiptOn.map { voice.text("handover.receiptOn", ["date": .date($0)]) }
                    ?? (entry.importFailed ? voice.text("handover.importFailed") : nil)
                    ?? entry.deliveredOn.map { voice.text("handover.delivered", ["date": .date($0)]) }
                    ?? voice.text(entry.overdue ? "handover.receiptOverdue" : "handover.receiptPending")
                return [voice.date(entry.on), String(entry.caseId), voice.text(entry.direction == "out" ? "handover.sent" : "handover.received"), entry.counterpart, receipt]
            }).render())
        }
    }
}
