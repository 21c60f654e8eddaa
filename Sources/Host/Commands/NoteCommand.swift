import ArgumentParser
import Foundation
import LotseCore
import PluginKit

extension Lotse {
    /// `lotse note`.
    struct NoteCommand: LotseCommand {
        static let configuration = CommandConfiguration(commandName: "note", abstract: "Add a free-text note to a case (text from the arguments or stdin).")
        @OptionGroup var store: StoreOptions
        @Argument(help: "Case id.") var caseId: Int64
        @Argument(help: "The note; read from stdin when left out.") var text: [String] = []
        @OptionGroup var date: DateOption

        func run(in source: SessionSource) throws {
            let session = try source.session(store)
            let voice = session.voice
            try session.store.require(.writeCases)  // before the terminal is read
            let limit = session.context.configuration.deployment.maxNoteChars * 4  // UTF-8 bytes of the longest note
            let body = text.isEmpty ? String(decoding: try IdleInput.all(limit: limit), as: UTF8.self) : text.joined(separator: " ")
            let note = try session.store.addNote(caseId, text: body.trimmingCharacters(in: .whitespacesAndNewlines), on: date.date)
            voice.say("note.added", ["note": .number(note.id!)])
        }
    }
}
