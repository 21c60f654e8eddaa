import Benchmark
import Foundation
import LotseBinary

/// A hosted installation for many counties (issue #15): 100,000 cases in 700
/// municipalities, about 196,000 persons in mostly small households (`lotse demo
/// --households 100000 --municipalities 700`). Targets: `report --as-of` within 1.5
/// times the same figures written by hand in SQL (Benchmarks/sql/report-baseline.sql in
/// the sqlite3 shell, every figure the report prints; check-baseline.py checks that
/// they agree), measured pair by pair in the same run; `case show --json` under 20 ms
/// median (whole process); the legacy import under 40 s. Issue #16: `report --profile
/// land-bw` under 3 s and within 2 times its figures written by hand
/// (Benchmarks/sql/land-bw-baseline.sql; check-land-bw.py checks that they agree).
let benchmarks: @Sendable () -> Void = {
    let lotse = LotseBinary()
    let folder = LotseBinary.dataFolder.appendingPathComponent("land-100k-700-v2")
    let baseline = lotse.root.appendingPathComponent("Benchmarks/sql/report-baseline.sql")
    let sheetBaseline = lotse.root.appendingPathComponent("Benchmarks/sql/land-bw-baseline.sql")
    let ratio = BenchmarkMetric.custom("report / hand-written SQL (x100)", polarity: .prefersSmaller, useScalingFactor: false)
    let floor = BenchmarkMetric.custom("hand-written SQL (ms)", polarity: .prefersSmaller, useScalingFactor: false)

    /// Times a lotse command against its hand-written SQL, pair by pair in one run.
    func againstFloor(_ name: String, _ arguments: [String], floorSQL: URL, ratioAtMost: Int, wallClockAtMost: Duration? = nil) {
        var thresholds: [BenchmarkMetric: BenchmarkThresholds] = [ratio: .init(absolute: [.p50: ratioAtMost])]
        if let wallClockAtMost { thresholds[.wallClock] = .init(absolute: [.p50: Int(wallClockAtMost / .nanoseconds(1))]) }
        Benchmark(name, configuration: .init(metrics: [.wallClock, ratio, floor], warmupIterations: 1, maxDuration: .seconds(120), maxIterations: 5,
                                             thresholds: thresholds)) { benchmark in
            let database = try lotse.land().database
            for _ in benchmark.scaledIterations {
                benchmark.startMeasurement()
                let measured = try lotse.time(lotse.binary.path, arguments, database: database)
                benchmark.stopMeasurement()
                let sql = try lotse.time("/usr/bin/sqlite3", [database], input: floorSQL)
                benchmark.measurement(floor, Int(sql / .milliseconds(1)))
                benchmark.measurement(ratio, Int((measured / sql * 100).rounded()))
            }
        } setup: {
            _ = try lotse.land()
        }
    }

    againstFloor("report --as-of against its SQL floor, 700 municipalities", ["report", "--as-of", "2019-06-30", "--format", "json"],
                 floorSQL: baseline, ratioAtMost: 150)
    againstFloor("report --profile land-bw against its SQL floor, 700 municipalities",
                 ["report", "--profile", "land-bw", "--from", "2019-01-01", "--as-of", "2019-06-30", "--format", "json"],
                 floorSQL: sheetBaseline, ratioAtMost: 200, wallClockAtMost: .seconds(3))

    Benchmark("case show ID --json, 700 municipalities",
              configuration: .init(metrics: [.wallClock], maxDuration: .seconds(10), maxIterations: 200,
                                   thresholds: [.wallClock: .init(absolute: [.p50: 20_000_000])])) { benchmark in
        let database = try lotse.land().database
        for iteration in benchmark.scaledIterations {
            try lotse.run(["case", "show", String(1 + (iteration * 7919) % 100_000), "--json"], database: database)
        }
    } setup: {
        _ = try lotse.land()
    }

    Benchmark("import legacy, 700 municipalities",
              configuration: .init(metrics: [.wallClock, .custom("peak memory of lotse (MB)", useScalingFactor: false)],
                                   warmupIterations: 0, maxDuration: .seconds(600), maxIterations: 1,
                                   thresholds: [.wallClock: .init(absolute: [.p50: 40_000_000_000])])) { benchmark in
        let csv = try lotse.land().csv
        let target = folder.appendingPathComponent("import-\(UUID().uuidString).sqlite").path
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: target + suffix) } }
        try lotse.initialise(target)
        benchmark.startMeasurement()
        try lotse.run(["import", "legacy", csv.path], database: target)
        benchmark.stopMeasurement()
        benchmark.measurement(.custom("peak memory of lotse (MB)", useScalingFactor: false), LotseBinary.childPeakMegabytes)
    } setup: {
        _ = try lotse.land()
    }
}
