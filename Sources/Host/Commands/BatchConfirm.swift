import ArgumentParser
import Foundation
import LotseCore
import PluginKit

extension Lotse.BatchCommand {
    struct Confirm: LotseCommand {
        static let configuration = CommandConfiguration(
            commandName: "confirm",
            abstract: "Record the archive's confirmation: 0504 (offer received) or 0506 (imported: the cases it took are deleted here, those it refused stay)."
        )
        @OptionGroup var store: StoreOptions
        @Argument(help: "The archive's confirmation (.xml or .zip).") var file: String
        @Option(help: ArgumentHelp("Folder of the archive bundles: the bundles of the cases the archive took are deleted too.", valueName: "dir")) var archive: String?
        @OptionGroup var date: DateOption

        func run(in source: SessionSource) throws {
            let session = try source.session(store)
            let voice = session.voice
            let reply = try session.archiveMessage(file)
            switch try session.archiveExchange.confirm(reply, archiveFolder: archive.map { URL(fileURLWithPath: $0) }, on: try date.destructive()) {
            case .offerReceived(let cases): voice.say("archiveConfirm.offerReceived", ["count": .number(cases)])
            case .received: voice.say("archiveConfirm.received")
            case .imported(let purged, let refused) where purged.isEmpty && refused.isEmpty:
                voice.say("archiveConfirm.already")
            case .imported(let purged, let refused):
                voice.say("archiveConfirm.imported", ["count": .number(purged.count), "cases": .list(purged.map { .number($0) })])
                for (caseId, problems) in refused {
                    voice.say("archiveConfirm.refused", ["case": .number(caseId), "problems": .list(problems.map { .text($0) })])
                }
            }
        }
    }
}
