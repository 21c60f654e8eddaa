import ArgumentParser
import Foundation
import LotseCore
import PluginKit

extension Lotse.BatchCommand {
    struct Appraisal: LotseCommand {
        static let configuration = CommandConfiguration(
            commandName: "appraisal",
            abstract: "Record the archive's appraisal of an offer (xdomea 0502) and write its confirmation (0505)."
        )
        @OptionGroup var store: StoreOptions
        @Argument(help: "The archive's appraisal (.xml or .zip).") var file: String
        @Option(name: .shortAndLong, help: ArgumentHelp("Folder for the confirmation.", valueName: "dir")) var output: String = "."
        @OptionGroup var date: DateOption

        func run(in source: SessionSource) throws {
            let session = try source.session(store)
            let voice = session.voice
            let (path, decided) = try session.archiveExchange.appraisal(try session.archiveMessage(file), into: output, on: try date.destructive())
            for (caseId, decision) in decided {
                voice.say("appraisal.case", ["case": .number(caseId), "decision": .label("appraisal.\(decision ?? "open")")])
            }
            voice.say("appraisal.written", ["file": .text(path), "archive": .number(decided.filter { $0.decision == "archive" }.count),
                                              "destroy": .number(decided.filter { $0.decision == "destroy" }.count)])
        }
    }
}
