import Benchmark
import Foundation
import LotseBinary

/// A hosted installation for many counties (issue #15): 100,000 cases in 700
/// municipalities, about 196,000 persons in mostly small households (`lotse demo
/// --households 100000 --municipalities 700`). Targets: `report --as-of` within 1.5
/// times the same figures written by hand in SQL (Benchmarks/sql/report-baseline.sql in
/// the sqlite3 shell, every figure the report prints; check-baseline.py checks that
/// they agree), measured pair by pair in the same run; `case show --json` under 20 ms
/// median (whole process), beside its reads done by hand (Benchmarks/sql/case-show-
/// baseline.sql in the sqlite3 shell, the same case each time); the legacy import under
/// 40 s, beside the sqlite3 shell's `.import` of the same CSV rows into plain tables in
/// one transaction (no dates read, no checks, no indexes, no audit: what loading the
/// bytes costs). Issue #16: `report --profile land-bw` under 3 s and within 2 times its
/// figures written by hand (Benchmarks/sql/land-bw-baseline.sql; check-land-bw.py
/// checks that they agree).
let benchmarks: @Sendable () -> Void = {
    let lotse = LotseBinary()
    let folder = LotseBinary.dataFolder.appendingPathComponent("land-100k-700-v4")
    let baseline = lotse.root.appendingPathComponent("Benchmarks/sql/report-baseline.sql")
    let sheetBaseline = lotse.root.appendingPathComponent("Benchmarks/sql/land-bw-baseline.sql")
    let caseShowBaseline = lotse.root.appendingPathComponent("Benchmarks/sql/case-show-baseline.sql")
    let ratio = BenchmarkMetric.custom("lotse / hand-written SQL (x100)", polarity: .prefersSmaller, useScalingFactor: false)
    let floor = BenchmarkMetric.custom("hand-written SQL (ms)", polarity: .prefersSmaller, useScalingFactor: false)
    let floorMicroseconds = BenchmarkMetric.custom("hand-written SQL (µs)", polarity: .prefersSmaller, useScalingFactor: false)

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

    Benchmark("case show ID --json against its SQL floor, 700 municipalities",
              configuration: .init(metrics: [.wallClock, floorMicroseconds, ratio], maxDuration: .seconds(20), maxIterations: 200,
                                   thresholds: [.wallClock: .init(absolute: [.p50: 20_000_000])])) { benchmark in
        let database = try lotse.land().database
        for iteration in benchmark.scaledIterations {
            let id = String(1 + (iteration * 7919) % 100_000)
            benchmark.startMeasurement()
            let measured = try lotse.time(lotse.binary.path, ["case", "show", id, "--json"], database: database)
            benchmark.stopMeasurement()
            let sql = try lotse.time("/usr/bin/sqlite3", ["-cmd", ".parameter set :id \(id)", "-cmd", ".parameter set :user \(LotseBinary.account)", database],
                                     input: caseShowBaseline)
            benchmark.measurement(floorMicroseconds, Int(sql / .microseconds(1)))
            benchmark.measurement(ratio, Int((measured / sql * 100).rounded()))
        }
    } setup: {
        _ = try lotse.land()
    }

    /// Issue #28: a manager's day starts with `due` and `person find`; each under 50 ms
    /// (whole process, median), beside the same reads by hand in the sqlite3 shell.
    let dueBaseline = lotse.root.appendingPathComponent("Benchmarks/sql/due-baseline.sql")
    Benchmark("due for one manager against its SQL floor, 700 municipalities",
              configuration: .init(metrics: [.wallClock, floorMicroseconds, ratio], maxDuration: .seconds(20), maxIterations: 100,
                                   thresholds: [.wallClock: .init(absolute: [.p50: 50_000_000])])) { benchmark in
        let database = try lotse.land().database
        for iteration in benchmark.scaledIterations {
            let staff = String(1 + (iteration * 31) % 1_000)
            benchmark.startMeasurement()
            let measured = try lotse.time(lotse.binary.path, ["due", "--staff", staff, "--on", "2019-10-01", "--json"], database: database)
            benchmark.stopMeasurement()
            let sql = try lotse.time("/usr/bin/sqlite3", ["-cmd", ".parameter set :staff \(staff)", "-cmd", ".parameter set :until 2019-10-15",
                                                          "-cmd", ".parameter set :user \(LotseBinary.account)", database], input: dueBaseline)
            benchmark.measurement(floorMicroseconds, Int(sql / .microseconds(1)))
            benchmark.measurement(ratio, Int((measured / sql * 100).rounded()))
        }
    } setup: {
        _ = try lotse.land()
    }

    Benchmark("person find NAME, 700 municipalities",
              configuration: .init(metrics: [.wallClock], maxDuration: .seconds(20), maxIterations: 100,
                                   thresholds: [.wallClock: .init(absolute: [.p50: 50_000_000])])) { benchmark in
        let database = try lotse.land().database
        for iteration in benchmark.scaledIterations {
            let name = ["Haddad", "Ahmadi", "Tesfaye", "Okafor", "Hosseini"][iteration % 5]
            benchmark.startMeasurement()
            _ = try lotse.time(lotse.binary.path, ["person", "find", name, "--json"], database: database)
            benchmark.stopMeasurement()
        }
    } setup: {
        _ = try lotse.land()
    }

    Benchmark("import legacy against loading its CSV in sqlite3, 700 municipalities",
              configuration: .init(metrics: [.wallClock, .custom("peak memory of lotse (MB)", useScalingFactor: false), floor, ratio],
                                   warmupIterations: 0, maxDuration: .seconds(600), maxIterations: 1,
                                   thresholds: [.wallClock: .init(absolute: [.p50: 40_000_000_000])])) { benchmark in
        let csv = try lotse.land().csv
        let target = folder.appendingPathComponent("import-\(UUID().uuidString).sqlite").path
        let loaded = folder.appendingPathComponent("load-\(UUID().uuidString).sqlite").path
        let script = folder.appendingPathComponent("load-\(UUID().uuidString).sql")
        defer {
            for path in [target, loaded] { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
            try? FileManager.default.removeItem(at: script)
        }
        try lotse.initialise(target)
        benchmark.startMeasurement()
        let measured = try lotse.time(lotse.binary.path, ["import", "legacy", csv.path], database: target)
        benchmark.stopMeasurement()
        benchmark.measurement(.custom("peak memory of lotse (MB)", useScalingFactor: false), LotseBinary.childPeakMegabytes)
        // The floor: the same files loaded as they are, one table each, one transaction.
        let files = try FileManager.default.contentsOfDirectory(atPath: csv.path).filter { $0.hasSuffix(".csv") }.sorted()
        let lines = ["PRAGMA journal_mode = WAL;", "PRAGMA synchronous = NORMAL;", "BEGIN;"]
            + files.map { ".import --csv \(csv.appendingPathComponent($0).path) legacy_\($0.dropLast(4))" } + ["COMMIT;"]
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: script)
        let sql = try lotse.time("/usr/bin/sqlite3", [loaded], input: script)
        benchmark.measurement(floor, Int(sql / .milliseconds(1)))
        benchmark.measurement(ratio, Int((measured / sql * 100).rounded()))
    } setup: {
        _ = try lotse.land()
    }
}
