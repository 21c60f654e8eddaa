// swift-tools-version: 6.1
// Benchmarks for lotse, in their own package so that `make test` never builds them.
// Run with `make bench` (it builds the release binary first).
import PackageDescription

/// A benchmark target that calls lotse's libraries in-process.
func inProcess(_ name: String) -> Target {
    .executableTarget(
        name: name,
        dependencies: [
            "LotseBinary", .product(name: "Benchmark", package: "benchmark"),
            .product(name: "LotseCore", package: "lotse"), .product(name: "LotseTesting", package: "lotse"), .product(name: "PluginKit", package: "lotse"),
        ] + ["Language", "Work", "School", "Housing", "Social"].map { .product(name: "\($0)Module", package: "lotse") },
        path: "Benchmarks/\(name)",
        plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
    )
}

/// A benchmark target that runs the release binary only.
func binaryOnly(_ name: String) -> Target {
    .executableTarget(
        name: name,
        dependencies: ["LotseBinary", .product(name: "Benchmark", package: "benchmark")],
        path: "Benchmarks/\(name)",
        plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
    )
}

let package = Package(
    name: "lotse-benchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
        .package(name: "lotse", path: ".."),
    ],
    targets: [
        .target(name: "LotseBinary", path: "Sources/LotseBinary"),
        binaryOnly("Startup"),
        binaryOnly("Archive"),
        inProcess("Access"),
        inProcess("Intake"),
        inProcess("Handover"),
        binaryOnly("Store"),
        binaryOnly("Land"),
        binaryOnly("Load"),
        binaryOnly("Print"),
        binaryOnly("Repl"),
    ]
)
