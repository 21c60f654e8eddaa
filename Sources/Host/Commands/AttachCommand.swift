import ArgumentParser
import Foundation
import LotseCore
import PluginKit

extension Lotse {
    /// `lotse attach`.
    struct AttachCommand: LotseCommand {
        static let configuration = CommandConfiguration(commandName: "attach", abstract: "Keep a file with a case (copied, mode 0600, sha256).")
        @OptionGroup var store: StoreOptions
        @Argument(help: "Case id.") var caseId: Int64
        @Argument(help: "The file.") var file: String
        @OptionGroup var date: DateOption

        func run(in source: SessionSource) throws {
            let session = try source.session(store)
            let voice = session.voice
            let attachment = try session.store.attach(caseId, file: URL(fileURLWithPath: file), on: date.date)
            voice.say("attachment.stored", ["attachment": .number(attachment.id!), "bytes": .text(String(attachment.size)), "sha256": .text(attachment.sha256)])
        }
    }
}
