import ArgumentParser
import Foundation
import LotseCore

extension Lotse {
    /// `lotse import legacy DIR`.
    struct ImportCommand: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "import", abstract: "Import data from other software.",
                                                        subcommands: [Legacy.self])

        struct Legacy: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Import a folder of legacy CSV files (all or nothing; importing again changes nothing).",
                discussion: "Files: " + LegacyImporter.files.map { "\($0.name) (\($0.columns.joined(separator: ",")))" }.joined(separator: "; ")
            )
            @OptionGroup var store: StoreOptions
            @OptionGroup var output: OutputOptions
            @Argument(help: "Folder with the CSV files.") var folder: String

            func run() throws {
                let summary = try LegacyImporter(store: store.session().store).run(folder: URL(fileURLWithPath: folder))
                if output.json { return print(try JSONOutput.string(summary)) }
                print(summary.describe())
            }
        }
    }

    /// `lotse demo`: a sample county to try lotse with (or to benchmark it).
    struct DemoCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "demo",
            abstract: "Load a realistic sample county (three municipalities, staff, households with their facts).",
            discussion: "With --out, only writes the legacy CSV files (for benchmarks) and imports nothing."
        )
        @OptionGroup var store: StoreOptions
        @Option(help: "Number of households.") var households = 300
        @Option(help: "Random seed; the same seed gives the same county.") var seed: UInt64 = 2018
        @Option(help: "Write the CSV files to this folder instead of importing them.") var out: String?

        func validate() throws {
            guard (1...2_000_000).contains(households) else { throw ValidationError("--households must be 1 to 2,000,000") }
        }

        func run() throws {
            let county = DemoCounty(households: households, seed: seed)
            if let out {
                let cases = try county.write(to: URL(fileURLWithPath: out))
                return print("wrote a county with \(cases) cases to \(out)")
            }
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lotse-demo-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: folder) }
            try county.write(to: folder)
            let summary = try LegacyImporter(store: store.session().store).run(folder: folder)
            print(summary.describe())
        }
    }
}

extension LegacyImporter.Summary {
    func describe() -> String {
        if alreadyImported { return "these files were imported before; nothing changed" }
        if total == 0 { return "nothing new to import (\(unchanged) rows were imported before); nothing changed" }
        let counts = inserted.sorted { $0.key < $1.key }.map { "\($0.key.replacingOccurrences(of: ".csv", with: "")) \($0.value)" }
        return "imported \(total) rows: " + counts.joined(separator: ", ") + (unchanged > 0 ? "; \(unchanged) rows were there already" : "")
    }
}
