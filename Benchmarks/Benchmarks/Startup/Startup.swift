import Benchmark
import Foundation

/// Process start of the release binary, as a user or a script sees it (issue #2:
/// `lotse --version` and `lotse modules --json` under 30 ms median).
let benchmarks: @Sendable () -> Void = {
    let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    let binary = root.appendingPathComponent(".build/release/lotse")
    let environment = ["LOTSE_RESOURCES": root.appendingPathComponent("resources").path,
                       "LOTSE_CONFIG": root.appendingPathComponent("plugins.json").path,
                       "HOME": NSTemporaryDirectory(), "PATH": "/usr/bin:/bin"]

    func launch(_ arguments: [String]) throws {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw CocoaError(.executableLoad) }
    }

    let configuration = Benchmark.Configuration(metrics: [.wallClock], maxDuration: .seconds(5), maxIterations: 200,
                                                thresholds: [.wallClock: .init(absolute: [.p50: 30_000_000])])
    Benchmark("lotse --version", configuration: configuration) { benchmark in
        for _ in benchmark.scaledIterations { try launch(["--version"]) }
    }
    Benchmark("lotse modules --json", configuration: configuration) { benchmark in
        for _ in benchmark.scaledIterations { try launch(["modules", "--json"]) }
    }
}
