import Benchmark
import Foundation
import LotseBinary

/// `batch archive` at county scale (issue #6): every case of the Store benchmark's
/// 100,000-case county closed before 2026 (about 20,000) becomes an encrypted bundle
/// and loses its personal data. Targets: at least 200 cases per second, peak memory
/// under 200 MB. Runs on a copy of the county (`LotseBinary.county`).
/// In its own target so that the peak memory of its children is the archive run's.
let benchmarks: @Sendable () -> Void = {
    let lotse = LotseBinary()
    let county = LotseBinary.dataFolder.appendingPathComponent("county-100k-v3/lotse.sqlite")
    let work = LotseBinary.dataFolder.appendingPathComponent("archive-run")
    let perSecond = BenchmarkMetric.custom("cases archived per second", polarity: .prefersLarger, useScalingFactor: false)
    let peak = BenchmarkMetric.custom("peak memory of lotse (MB)", useScalingFactor: false)

    Benchmark("batch archive, 100,000-case county",
              configuration: .init(metrics: [.wallClock, perSecond, peak], warmupIterations: 0, maxDuration: .seconds(600), maxIterations: 1)) { benchmark in
        let database = work.appendingPathComponent("lotse.sqlite").path
        let bundles = work.appendingPathComponent("bundles")
        let passphrase = work.appendingPathComponent("passphrase.txt")
        try Data("archive passphrase of the county\n".utf8).write(to: passphrase)
        for leftover in [bundles.path, database, database + "-wal", database + "-shm"] { try? FileManager.default.removeItem(atPath: leftover) }
        try FileManager.default.copyItem(atPath: county.path, toPath: database)
        let start = ContinuousClock.now
        benchmark.startMeasurement()
        try lotse.run(["batch", "archive", "--closed-before", "2026-01-01", "--out", bundles.path,
                       "--passphrase-file", passphrase.path, "--on", "2026-11-26"], database: database)
        benchmark.stopMeasurement()
        let seconds = (ContinuousClock.now - start) / .milliseconds(1) / 1000
        let archived = try FileManager.default.contentsOfDirectory(atPath: bundles.path).filter { $0.hasSuffix(".zip") }.count
        print("archived \(archived) cases in \(seconds) s")
        benchmark.measurement(perSecond, Int(Double(archived) / seconds))
        benchmark.measurement(peak, LotseBinary.childPeakMegabytes)
    } setup: {
        _ = try lotse.county()
        try? FileManager.default.removeItem(at: work)
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
    } teardown: {
        try? FileManager.default.removeItem(at: work)
    }
}
