import ArgumentParser
import Foundation
import LotseCore
import PluginKit

extension Lotse.BatchCommand {
    struct Offer: LotseCommand {
        static let configuration = CommandConfiguration(
            commandName: "offer",
            abstract: "Offer the archive every case past retention not offered yet (xdomea 0501); batch purge waits for its answer.",
            discussion: "Names go into the offer list only with archiveOfferNames in plugins.json, read from the archive bundles (--archive)."
        )
        @OptionGroup var store: StoreOptions
        @Option(name: .shortAndLong, help: ArgumentHelp("Folder for the offer list.", valueName: "dir")) var output: String = "."
        @OptionGroup var archive: ArchiveOptions
        @OptionGroup var date: DateOption

        func run(in source: SessionSource) throws {
            let session = try source.session(store)
            let voice = session.voice
            guard session.context.configuration.deployment.archiveOffer else { throw UsageError("offer.off") }
            guard let (path, cases) = try session.archiveExchange.offer(into: output, bundles: try archive.bundles(voice), on: try date.destructive()) else {
                return voice.say("offer.nothing")
            }
            voice.say("offer.written", ["file": .text(path), "count": .number(cases.count), "cases": .list(cases.map { .number($0) })])
        }
    }
}
