import Foundation

/// The release binary of lotse, run as a user or a script runs it: benchmarks measure
/// whole commands, process start included.
public struct LotseBinary: Sendable {
    public let root: URL
    public let binary: URL
    public var environment: [String: String]

    public init() {
        root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        binary = root.appendingPathComponent(".build/release/lotse")
        environment = ["LOTSE_RESOURCES": root.appendingPathComponent("resources").path,
                       "LOTSE_CONFIG": root.appendingPathComponent("plugins.json").path,
                       "HOME": NSTemporaryDirectory(), "PATH": "/usr/bin:/bin"]
    }

    /// Runs lotse (with `input` on its stdin); throws unless it exits 0.
    public func run(_ arguments: [String], database: String? = nil, input: String? = nil) throws {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        var environment = environment
        if let database { environment["LOTSE_DB"] = database }
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        let pipe = Pipe()
        if input != nil { process.standardInput = pipe }
        try process.run()
        if let input {
            pipe.fileHandleForWriting.write(Data(input.utf8))
            try pipe.fileHandleForWriting.close()
        }
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw CocoaError(.executableLoad, userInfo: [NSLocalizedDescriptionKey: "lotse \(arguments.joined(separator: " ")) exited \(process.terminationStatus)"])
        }
    }

    /// The demo county of 100,000 cases (about 290,000 persons and 1.1 million
    /// conversations, referrals, outcomes and goals) that the county-scale benchmarks
    /// share: made once (CSV files, then `import legacy`; a few minutes), then reused.
    public func county() throws -> (database: String, csv: URL) {
        let folder = Self.dataFolder.appendingPathComponent("county-100k-v3")
        let csv = folder.appendingPathComponent("csv")
        let database = folder.appendingPathComponent("lotse.sqlite").path
        if !FileManager.default.fileExists(atPath: csv.appendingPathComponent("cases.csv").path) {
            try run(["demo", "--households", "100000", "--today", "2019-10-01", "--out", csv.path])
        }
        // A county imported before imports recorded their rows (schema v8) would fail
        // the state check of `audit verify`: import it again.
        let marker = folder.appendingPathComponent("imported-with-v8")
        if !FileManager.default.fileExists(atPath: marker.path) {
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: database + suffix) }
        }
        if !FileManager.default.fileExists(atPath: database) {
            try initialise(database)
            try run(["import", "legacy", csv.path], database: database)
            FileManager.default.createFile(atPath: marker.path, contents: nil)
        }
        try initialise(database)  // a county made before logins existed
        return (database, csv)
    }

    /// The Land-scale installation of issue #15: 100,000 cases in 700 municipalities
    /// (about 196,000 persons, mostly small households; 1.5 million CSV rows, 1.9
    /// million rows in the database), made once like `county()`; persons have a country
    /// of origin since issue #16 (hence `-v2`).
    public func land() throws -> (database: String, csv: URL) {
        let folder = Self.dataFolder.appendingPathComponent("land-100k-700-v4")
        let csv = folder.appendingPathComponent("csv")
        let database = folder.appendingPathComponent("lotse.sqlite").path
        if !FileManager.default.fileExists(atPath: csv.appendingPathComponent("cases.csv").path) {
            try run(["demo", "--households", "100000", "--municipalities", "700", "--today", "2019-10-01", "--out", csv.path])
        }
        if !FileManager.default.fileExists(atPath: database) {
            try initialise(database)
            try run(["import", "legacy", csv.path], database: database)
        }
        return (database, csv)
    }

    /// Runs a command as it is, with lotse's environment; returns its wall time.
    @discardableResult
    public func time(_ executable: String, _ arguments: [String], database: String? = nil, input: URL? = nil) throws -> Duration {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        var environment = environment
        if let database { environment["LOTSE_DB"] = database }
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        if let input { process.standardInput = try FileHandle(forReadingFrom: input) }
        let start = ContinuousClock.now
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw CocoaError(.executableLoad, userInfo: [NSLocalizedDescriptionKey: "\(executable) \(arguments.joined(separator: " ")) exited \(process.terminationStatus)"])
        }
        return ContinuousClock.now - start
    }

    /// Makes the benchmarks' operating-system account a lotse user with every role,
    /// county-wide (`lotse init` on a new database; nothing if it has users already).
    public func initialise(_ database: String) throws {
        let password = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("lotse-bench-password.txt")
        try Data("benchmark password of the county\n".utf8).write(to: password)
        guard (try? run(["init", "--password-file", password.path], database: database)) != nil else { return }
        try run(["user", "role", Self.account, "--role", "manager,lead,admin,auditor", "--county-wide"], database: database)
    }

    /// The operating-system account the benchmarks run as (their lotse user).
    public static var account: String { String(cString: getpwuid(geteuid()).pointee.pw_name) }

    /// The largest resident set of any child process so far, in MB.
    public static var childPeakMegabytes: Int {
        var usage = rusage()
        getrusage(RUSAGE_CHILDREN.rawValue, &usage)
        return Int(usage.ru_maxrss) / 1024
    }

    /// A folder for benchmark data that survives between runs (it takes a while to make).
    public static let dataFolder = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("lotse-bench")
}
