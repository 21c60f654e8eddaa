import Benchmark
import Foundation
import LotseBinary

/// The REPL keeps its session (issue #31): 50 `case show` lines typed into one REPL
/// (configuration read once, database opened once) against the same 50 as one process
/// each, on a demo county. Before the session was kept, each REPL line read
/// plugins.json and opened the database again.
let benchmarks: @Sendable () -> Void = {
    let lotse = LotseBinary()
    let folder = LotseBinary.dataFolder.appendingPathComponent("repl-demo")
    let database = folder.appendingPathComponent("lotse.sqlite").path

    @Sendable func prepare() throws {
        guard !FileManager.default.fileExists(atPath: database) else { return }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try lotse.initialise(database)
        try lotse.run(["demo"], database: database)
    }
    let lines = String(repeating: "case show 5\n", count: 50)
    let configuration = Benchmark.Configuration(metrics: [.wallClock], maxDuration: .seconds(10), maxIterations: 50)
    Benchmark("REPL, 50 × case show in one session", configuration: configuration) { benchmark in
        for _ in benchmark.scaledIterations { try lotse.run([], database: database, input: lines) }
    } setup: {
        try prepare()
    }
    Benchmark("shell, 50 × case show, one process each", configuration: configuration) { benchmark in
        for _ in benchmark.scaledIterations {
            for _ in 0..<50 { try lotse.run(["case", "show", "5"], database: database) }
        }
    } setup: {
        try prepare()
    }
}
