import ArgumentParser
import Foundation
import LotseCore
import PluginKit

extension Lotse {
    /// `lotse move`.
    struct MoveCommand: LotseCommand {
        static let configuration = CommandConfiguration(commandName: "move", abstract: "Record that a case's household moved out.")
        @OptionGroup var store: StoreOptions
        @Argument(help: "Case id.") var caseId: Int64
        @Option(help: "Where to.") var to: String
        @Flag(help: "The move stays within the municipality (no batch closure).") var within = false
        @OptionGroup var date: DateOption

        func run(in source: SessionSource) throws {
            let session = try source.session(store)
            let voice = session.voice
            let move = try session.store.recordMove(caseId, on: date.date, to: to, leavesMunicipality: !within)
            voice.say("move.recorded", ["move": .number(move.id!), "date": .date(move.movedOn)])
        }
    }
}
