import ArgumentParser
import Foundation
import LotseCore

extension Lotse.ImportCommand {
    struct Legacy: LotseCommand {
        static let configuration = CommandConfiguration(commandName: "legacy", 
            abstract: "Import a folder of legacy CSV files (all or nothing; importing again changes nothing).",
            discussion: "Files: " + LegacyImporter.files.map { "\($0.name) (\($0.columns.joined(separator: ",")))" }.joined(separator: "; ")
        )
        @OptionGroup var store: StoreOptions
        @OptionGroup var output: OutputOptions
        @Argument(help: "Folder with the CSV files.") var folder: String

        func run(in source: SessionSource) throws {
            let session = try source.session(store)
            let voice = session.voice
        let summary = try LegacyImporter(store: session.store, maxFieldKB: session.context.configuration.deployment.csvMaxFieldKB).run(folder: URL(fileURLWithPath: folder))
            if output.json { return print(try JSONOutput.string(summary)) }
            voice.say(summary.describe())
        }
    }
}
