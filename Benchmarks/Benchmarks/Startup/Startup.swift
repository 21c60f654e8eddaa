import Benchmark
import Foundation
import LotseBinary

/// Process start of the release binary (issue #2: `lotse --version` and
/// `lotse modules --json` under 30 ms median).
let benchmarks: @Sendable () -> Void = {
    let lotse = LotseBinary()
    let configuration = Benchmark.Configuration(metrics: [.wallClock], maxDuration: .seconds(5), maxIterations: 200,
                                                thresholds: [.wallClock: .init(absolute: [.p50: 30_000_000])])
    Benchmark("lotse --version", configuration: configuration) { benchmark in
        for _ in benchmark.scaledIterations { try lotse.run(["--version"]) }
    }
    Benchmark("lotse modules --json", configuration: configuration) { benchmark in
        for _ in benchmark.scaledIterations { try lotse.run(["modules", "--json"]) }
    }
}
