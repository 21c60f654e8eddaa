import ArgumentParser
import Foundation
import LotseCore
import PluginKit

extension Lotse {
    /// `lotse demo`: a sample county to try lotse with (or to benchmark it).
    struct DemoCommand: LotseCommand {
        static let configuration = CommandConfiguration(
            commandName: "demo",
            abstract: "Load a realistic sample county (three municipalities, staff, households with their facts).",
            discussion: "With --out, only writes the legacy CSV files (for benchmarks) and imports nothing."
        )
        @OptionGroup var store: StoreOptions
        @Option(help: "Number of households.") var households = 300
        @Option(help: "Number of municipalities: the reference three, or more for a hosted installation (small households spread over all).") var municipalities = 3
        @Option(help: "Random seed; the same seed gives the same county.") var seed: UInt64 = 2018
        @Option(help: "Write the CSV files to this folder instead of importing them.") var out: String?
        @Option(help: "The county's today: its cases were opened in the three years before, reviews and goals fall due around it (default: today).") var today: LocalDate?

        func run(in source: SessionSource) throws {
            guard (1...2_000_000).contains(households) else { throw UsageError("demo.households") }
            guard (3...5_000).contains(municipalities) else { throw UsageError("demo.municipalities") }
            let catalog = try source.context(store.config).catalog
            let county = DemoCounty(households: households, municipalities: municipalities, seed: seed, today: today ?? .today) { module, template in
                catalog.text(module, "goal.\(template).title")
            }
            if let out {
                let cases = try UserRights.asUser { try county.write(to: URL(fileURLWithPath: out)) }  // the user's folder
                return Voice(catalog: catalog).say("demo.written", ["count": .number(cases), "folder": .text(out)])
            }
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lotse-demo-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: folder) }
            try county.write(to: folder)
            let session = try source.session(store)
            let voice = session.voice
            let summary = try LegacyImporter(store: session.store, maxFieldKB: session.context.configuration.deployment.csvMaxFieldKB).run(folder: folder, ofUser: false)
            voice.say(summary.describe())
        }
    }
}
