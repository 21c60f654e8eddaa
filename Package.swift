// swift-tools-version: 6.1
// lotse: case management for municipal integration management (see DESIGN.md).
import PackageDescription

/// Settings every target of ours shares: Swift 6 strict concurrency plus the upcoming
/// features that keep imports and existentials explicit.
let strict: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

/// The five integration modules. Each depends on PluginKit only.
let moduleNames = ["Language", "Work", "School", "Housing", "Social"]

let package = Package(
    name: "lotse",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "lotse", targets: ["Host"]),
        // Libraries for the in-process benchmarks in Benchmarks/.
        .library(name: "LotseCore", targets: ["LotseCore"]),
        .library(name: "PluginKit", targets: ["PluginKit"]),
        // What tests and benchmarks need that counties do not: an in-memory database, a
        // principal with every right.
        .library(name: "LotseTesting", targets: ["LotseTesting"]),
    ] + moduleNames.map { .library(name: "\($0)Module", targets: ["\($0)Module"]) },
    dependencies: [
        // Pinned to the minor version where lotse relies on more than the stable API:
        // ArgumentParser's help dump (`_dumpHelp`, checked by CatalogTests) and its error
        // types, swift-crypto's `_CryptoExtras`.
        .package(url: "https://github.com/apple/swift-argument-parser", .upToNextMinor(from: "1.8.2")),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
        .package(url: "https://github.com/apple/swift-crypto", .upToNextMinor(from: "3.12.3")),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
    ],
    targets: [
        .systemLibrary(
            name: "CReadline",
            path: "Sources/CReadline",
            providers: [.apt(["libreadline-dev"])]
        ),
        .systemLibrary(
            name: "CZip",
            path: "Sources/CZip",
            providers: [.apt(["libzip-dev"])]
        ),
        .systemLibrary(
            name: "CPango",
            path: "Sources/CPango",
            providers: [.apt(["libpango1.0-dev", "libcairo2-dev"])]
        ),
        .systemLibrary(
            name: "CXml",
            path: "Sources/CXml",
            providers: [.apt(["libxml2"])]
        ),
        .systemLibrary(
            name: "CXlsxWriter",
            path: "Sources/CXlsxWriter",
            providers: [.apt(["libxlsxwriter-dev"])]
        ),
        .target(name: "PluginKit", swiftSettings: strict),
        .target(
            name: "LotseCore",
            dependencies: [
                "PluginKit",
                "CZip", "CXlsxWriter", "CPango", "CXml",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            swiftSettings: strict
        ),
        .target(name: "LotseTesting", dependencies: ["LotseCore"], swiftSettings: strict),
        .executableTarget(
            name: "Host",
            dependencies: [
                "LotseCore", "PluginKit", "CReadline",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ] + moduleNames.map { .target(name: "\($0)Module") },
            swiftSettings: strict
        ),
        .testTarget(name: "PluginKitTests", dependencies: ["PluginKit"], swiftSettings: strict),
        .testTarget(
            name: "LotseCoreTests",
            dependencies: ["LotseCore", "LotseTesting", "PluginKit", .product(name: "GRDB", package: "GRDB.swift")] + moduleNames.map { .target(name: "\($0)Module") },
            swiftSettings: strict
        ),
        .testTarget(
            name: "HostTests",
            dependencies: ["Host", "LotseCore", "PluginKit"] + moduleNames.map { .target(name: "\($0)Module") },
            swiftSettings: strict
        ),
    ] + moduleNames.map {
        .target(name: "\($0)Module", dependencies: ["PluginKit"], path: "Sources/Plugins/\($0)", swiftSettings: strict)
    }
)
