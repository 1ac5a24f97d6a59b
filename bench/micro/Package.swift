// swift-tools-version: 6.1
// Micro-benchmarks of Anketa's hot paths (ordo-one/benchmark). A package of its own so that the main
// package keeps its tools version and its users never resolve the benchmark's dependencies.
//   cd bench/micro && swift package benchmark            # run
//   swift build --package-path bench/micro -c release    # build only (CI)
import PackageDescription

let package = Package(
    name: "AnketaMicro",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(name: "Anketa", path: "../.."),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        .executableTarget(
            name: "AnketaMicro",
            dependencies: [
                .product(name: "AnketaKit", package: "Anketa"),
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/AnketaMicro",
            swiftSettings: [.swiftLanguageMode(.v6)],
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
    ]
)
