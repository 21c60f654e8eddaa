import ArgumentParser
import Foundation
import LotseCore
import PluginKit

extension Lotse.BatchCommand {
    struct Handoff: LotseCommand {
        static let configuration = CommandConfiguration(
            commandName: "handoff",
            abstract: "Hand the cases the archive keeps over to it (xdomea 0503): the full record from the archive bundles, with the case file as PDF."
        )
        @OptionGroup var store: StoreOptions
        @Option(name: .shortAndLong, help: ArgumentHelp("Folder for the hand-over.", valueName: "dir")) var output: String = "."
        @OptionGroup var archive: ArchiveOptions
        @Option(help: ArgumentHelp("Sign with this private key (default: signingKey in plugins.json).", valueName: "keyfile")) var sign: String?
        @OptionGroup var date: DateOption

        func run(in source: SessionSource) throws {
            let session = try source.session(store)
            let voice = session.voice
            guard let bundles = try archive.bundles(voice) else { throw UsageError("handoff.archiveNeeded") }
            let key = try (sign ?? session.context.configuration.deployment.signingKey).map { try SigningKey.loadPrivate(URL(fileURLWithPath: $0), ofUser: sign != nil) }
            let vocabulary = session.store.vocabulary
            let written = try session.archiveExchange.handoff(into: output, bundles: bundles, signingKey: key, on: try date.destructive()) {
                try PDFWriter().render(CaseFileDocument(bundle: $0, vocabulary: vocabulary, voice: voice).printDocument())
            }
            if written.isEmpty { return voice.say("handoff.nothing") }
            for (path, cases) in written { voice.say("handoff.written", ["file": .text(path), "count": .number(cases.count)]) }
        }
    }
}
