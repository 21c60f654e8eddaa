import Benchmark
import Foundation
import LotseBinary
import Synchronization

/// A shared installation under load (issue #15): 30 sessions (each its own process, as
/// 30 users at their terminals) record conversations, notes and intake answers on
/// active cases in a loop for 60 s, while `batch archive` runs over the closed cases
/// and `backup` runs again and again. Afterwards every acknowledged write is counted in
/// the database and `audit verify` must pass. Figures: command latency p50 and p99, the
/// longest command (its wait for the writer included), commands refused because the
/// database was locked (target 0), acknowledged writes missing (target 0).
let benchmarks: @Sendable () -> Void = {
    let lotse = LotseBinary()
    let work = LotseBinary.dataFolder.appendingPathComponent("load-run")
    let database = work.appendingPathComponent("lotse.sqlite").path
    let seconds = 60, sessions = 30
    let p99 = BenchmarkMetric.custom("command latency p99 (ms)", polarity: .prefersSmaller, useScalingFactor: false)
    let p50 = BenchmarkMetric.custom("command latency p50 (ms)", polarity: .prefersSmaller, useScalingFactor: false)
    let longest = BenchmarkMetric.custom("longest command (ms)", polarity: .prefersSmaller, useScalingFactor: false)
    let locked = BenchmarkMetric.custom("refused: database locked", polarity: .prefersSmaller, useScalingFactor: false)
    let lost = BenchmarkMetric.custom("acknowledged writes missing", polarity: .prefersSmaller, useScalingFactor: false)
    let done = BenchmarkMetric.custom("commands done", polarity: .prefersLarger, useScalingFactor: false)

    Benchmark("30 sessions with batch archive and backup, 60 s",
              configuration: .init(metrics: [p50, p99, longest, locked, lost, done], warmupIterations: 0, maxDuration: .seconds(600), maxIterations: 1,
                                   thresholds: [locked: .init(absolute: [.p50: 0]), lost: .init(absolute: [.p50: 0])])) { benchmark in
        let active = try query(database, "SELECT id FROM caseFile WHERE status = 'active' ORDER BY id LIMIT 3000").map { Int($0)! }
        let before = try counts(database)
        let answers = work.appendingPathComponent("answers.json")
        try Data(#"{"household": {"housing.rooms": "3"}}"#.utf8).write(to: answers)
        let passphrase = work.appendingPathComponent("passphrase.txt")
        try Data("archive passphrase of the county\n".utf8).write(to: passphrase)
        let deadline = ContinuousClock.now + .seconds(seconds)
        let results = Mutex<[Outcome]>([])
        let background = DispatchGroup()
        DispatchQueue.global().async(group: background) {
            let outcome = lotse.outcome(["batch", "archive", "--closed-before", "2030-01-01", "--out", work.appendingPathComponent("archive").path,
                                         "--passphrase-file", passphrase.path], database: database, kind: "archive")
            results.withLock { $0.append(outcome) }
        }
        DispatchQueue.global().async(group: background) {
            var number = 0
            while ContinuousClock.now < deadline {
                number += 1
                let outcome = lotse.outcome(["backup", "-o", work.appendingPathComponent("backup-\(number).zip").path], database: database, kind: "backup")
                results.withLock { $0.append(outcome) }
            }
        }
        DispatchQueue.concurrentPerform(iterations: sessions) { session in
            var step = 0
            while ContinuousClock.now < deadline {
                let caseId = String(active[(session * 97 + step * 31) % active.count])
                let (arguments, kind): ([String], String) = switch step % 3 {
                case 0: (["conversation", "add", caseId, "--kind", "individual", "--topics", "language,work", "--on", "2019-09-30"], "conversation")
                case 1: (["note", caseId, "Rückruf vereinbart (Sitzung \(session), Schritt \(step))", "--on", "2019-09-30"], "note")
                default: (["intake", caseId, "--answers", answers.path, "--on", "2019-09-30"], "answer")
                }
                let outcome = lotse.outcome(arguments, database: database, kind: kind)
                results.withLock { $0.append(outcome) }
                step += 1
            }
        }
        background.wait()
        let all = results.withLock { $0 }
        let commands = all.filter { !["archive", "backup"].contains($0.kind) }
        let latencies = commands.map(\.milliseconds).sorted()
        benchmark.measurement(p50, latencies.isEmpty ? 0 : latencies[latencies.count / 2])
        benchmark.measurement(p99, latencies.isEmpty ? 0 : latencies[latencies.count * 99 / 100])
        benchmark.measurement(longest, latencies.last ?? 0)
        benchmark.measurement(done, commands.count)
        benchmark.measurement(locked, all.filter(\.locked).count)
        // Every acknowledged write must be in the database: conversations and notes one
        // row each, an intake one answer row.
        let after = try counts(database)
        var missing = 0
        for (kind, table) in [("conversation", "conversation"), ("note", "caseNote"), ("answer", "answer")] {
            let acknowledged = commands.filter { $0.kind == kind && $0.status == 0 }.count
            missing += max(0, acknowledged - (after[table]! - before[table]!))
        }
        benchmark.measurement(lost, missing)
        let failed = all.filter { $0.status != 0 }
        print("commands: \(commands.count), failed: \(failed.count) \(Array(Set(failed.map { "\($0.kind): \($0.error)" })).prefix(5)); "
              + "backups: \(all.filter { $0.kind == "backup" }.count), archive: \(all.first { $0.kind == "archive" }.map { "\($0.milliseconds) ms, exit \($0.status)" } ?? "-")")
        try lotse.run(["audit", "verify"], database: database)  // throws unless the chain and the state check pass
    } setup: {
        let land = try lotse.land().database
        try? FileManager.default.removeItem(at: work)
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        for suffix in ["", "-wal", "-shm"] where FileManager.default.fileExists(atPath: land + suffix) {
            try FileManager.default.copyItem(atPath: land + suffix, toPath: database + suffix)
        }
    } teardown: {
        try? FileManager.default.removeItem(at: work)
    }
}

/// One command of the load: how long it took, how it ended, whether the database was locked.
struct Outcome: Sendable {
    let kind: String
    let milliseconds: Int
    let status: Int32
    let error: String
    var locked: Bool { error.contains("locked") || error.contains("gesperrt") }
}

extension LotseBinary {
    /// Runs lotse and keeps what a load test needs (never throws: a failure is a result).
    func outcome(_ arguments: [String], database: String, kind: String) -> Outcome {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        var environment = environment
        environment["LOTSE_DB"] = database
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        let errors = Pipe()
        process.standardError = errors
        let start = ContinuousClock.now
        do { try process.run() } catch { return Outcome(kind: kind, milliseconds: 0, status: -1, error: "\(error)") }
        let text = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return Outcome(kind: kind, milliseconds: Int((ContinuousClock.now - start) / .milliseconds(1)), status: process.terminationStatus, error: text)
    }
}

/// The first column of a query's rows, through the sqlite3 shell (read-only).
func query(_ database: String, _ sql: String) throws -> [String] {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
    process.arguments = ["-readonly", database, sql]
    let output = Pipe()
    process.standardOutput = output
    try process.run()
    let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    return text.split(separator: "\n").map(String.init)
}

/// Rows of the tables the load writes to.
func counts(_ database: String) throws -> [String: Int] {
    var counts: [String: Int] = [:]
    for table in ["conversation", "caseNote", "answer"] { counts[table] = Int(try query(database, "SELECT count(*) FROM \(table)").first ?? "0") ?? 0 }
    return counts
}
