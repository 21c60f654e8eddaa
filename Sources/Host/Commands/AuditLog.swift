import ArgumentParser
import LotseCore
import PluginKit

extension Lotse.AuditCommand {
    struct Log: LotseCommand {
        static let configuration = CommandConfiguration(commandName: "log", abstract: "Who saw and changed what (without the values), for one case or all.")
        @OptionGroup var store: StoreOptions
        @OptionGroup var output: OutputOptions
        @Option(name: .customLong("case"), help: "Only this case's events.") var caseId: Int64?
        @Option(help: "At most this many of the latest events.") var limit = 200

        func run(in source: SessionSource) throws {
            let session = try source.session(store)
            let voice = session.voice
            let entries = try session.store.auditLog(caseId: caseId, limit: limit)
            if output.json { return print(try JSONOutput.string(entries)) }
            print(TextTable(header: voice.columns("table.auditLog"),
                            rows: entries.map { [String($0.seq), voice.auditTime($0.at), $0.actor, voice.auditAction($0.action), voice.auditRecord($0.entity, $0.entityId), $0.field ?? ""] }).render())
        }
    }
}
