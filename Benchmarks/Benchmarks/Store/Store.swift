import Benchmark
import Foundation
import LotseBinary

/// The case store at county scale (issue #3): a demo county of 100,000 cases (about
/// 290,000 persons and 1.1 million conversations, referrals, outcomes and goals).
/// Targets: import under 60 s with peak memory under 500 MB; `case show --json`
/// under 20 ms median; a `case list` page under 50 ms (issue #3); a full
/// `report --as-of` under 2 s (issue #6, compare Benchmarks/sql/report-baseline.sql in
/// the sqlite3 shell); backup under 10 s and `doctor` under 30 s (issue #8); `audit
/// verify` with the state check under 5 s (issue #12).
let benchmarks: @Sendable () -> Void = {
    let lotse = LotseBinary()
    let folder = LotseBinary.dataFolder.appendingPathComponent("county-100k-v3")
    let csv = folder.appendingPathComponent("csv")
    let database = folder.appendingPathComponent("lotse.sqlite").path

    @Sendable func prepare() throws { _ = try lotse.county() }

    Benchmark("import legacy, 100,000 cases",
              configuration: .init(metrics: [.wallClock, .custom("peak memory of lotse (MB)", useScalingFactor: false)],
                                   maxDuration: .seconds(600), maxIterations: 1,
                                   thresholds: [.wallClock: .init(absolute: [.p50: 60_000_000_000])])) { benchmark in
        let target = folder.appendingPathComponent("import-\(UUID().uuidString).sqlite").path
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: target + suffix) } }
        try lotse.initialise(target)
        benchmark.startMeasurement()
        try lotse.run(["import", "legacy", csv.path], database: target)
        benchmark.stopMeasurement()
        benchmark.measurement(.custom("peak memory of lotse (MB)", useScalingFactor: false), LotseBinary.childPeakMegabytes)
        let size = (try FileManager.default.attributesOfItem(atPath: target)[.size] as? Int ?? 0) / 1_000_000
        print("database size after import: \(size) MB")
    } setup: {
        try prepare()
    }

    let query = Benchmark.Configuration(metrics: [.wallClock], maxDuration: .seconds(10), maxIterations: 200)
    Benchmark("case show ID --json, 100,000 cases", configuration: query) { benchmark in
        for iteration in benchmark.scaledIterations { try lotse.run(["case", "show", String(1 + (iteration * 7919) % 100_000), "--json"], database: database) }
    } setup: {
        try prepare()
    }
    let once = Benchmark.Configuration(metrics: [.wallClock], maxDuration: .seconds(120), maxIterations: 3)
    Benchmark("report --as-of, 100,000 cases", configuration: once) { benchmark in
        for _ in benchmark.scaledIterations { try lotse.run(["report", "--as-of", "2019-06-30", "--format", "json"], database: database) }
    } setup: {
        try prepare()
    }
    Benchmark("backup, 100,000 cases", configuration: once) { benchmark in
        for _ in benchmark.scaledIterations {
            let target = folder.appendingPathComponent("backup-\(UUID().uuidString).zip").path
            defer { try? FileManager.default.removeItem(atPath: target) }
            try lotse.run(["backup", "-o", target], database: database)
        }
    } setup: {
        try prepare()
    }
    Benchmark("doctor, 100,000 cases", configuration: once) { benchmark in
        for _ in benchmark.scaledIterations { try lotse.run(["doctor"], database: database) }
    } setup: {
        try prepare()
    }
    // Issue #12: the chain and today's rows against it (every user, case, person and
    // identity; the imported ones by the import's digest), under 5 s.
    Benchmark("audit verify with the state check, 100,000 cases",
              configuration: .init(metrics: [.wallClock], maxDuration: .seconds(120), maxIterations: 3,
                                   thresholds: [.wallClock: .init(absolute: [.p50: 5_000_000_000])])) { benchmark in
        for _ in benchmark.scaledIterations { try lotse.run(["audit", "verify"], database: database) }
    } setup: {
        try prepare()
    }
    Benchmark("case list page, 100,000 cases", configuration: query) { benchmark in
        for iteration in benchmark.scaledIterations {
            try lotse.run(["case", "list", "--municipality", "Stadt Aalen", "--status", "active", "--page", String(1 + iteration % 100)], database: database)
        }
    } setup: {
        try prepare()
    }
}
