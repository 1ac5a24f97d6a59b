// swift-tools-version: 6.0
import PackageDescription

// One settings array for every target (Hummingbird's manifest does the same).
let swiftSettings: [SwiftSetting] = [
    .swiftLanguageMode(.v6),
    .enableUpcomingFeature("ExistentialAny"),
]

let package = Package(
    name: "Anketa",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "anketa", targets: ["anketa"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.19"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.5.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.0.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.0.0"),
    ],
    targets: [
        // Debian's libcsv (apt-get install libcsv-dev), wrapped for Swift.
        .systemLibrary(name: "CLibCSV", providers: [.apt(["libcsv-dev"])]),

        // Definitions: the questionnaire model, loading and validating YAML, responses.
        .target(name: "AnketaCore",
                dependencies: [.product(name: "Yams", package: "Yams")],
                swiftSettings: swiftSettings),
        // Collection: CSV exports (Google Forms, Yandex Forms, Russian Excel) and XLSX workbooks → responses.
        .target(name: "AnketaCollect",
                dependencies: ["AnketaCore", "CLibCSV", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
                swiftSettings: swiftSettings),
        // Store: SQLite through GRDB.
        .target(name: "AnketaStore",
                dependencies: ["AnketaCore", .product(name: "GRDB", package: "GRDB.swift")],
                swiftSettings: swiftSettings),
        // Statistics: pure math, no I/O.
        .target(name: "AnketaStats", swiftSettings: swiftSettings),
        // Analysis: questionnaire-level figures (questions, indicators, breakdowns, deficit map).
        .target(name: "AnketaAnalysis",
                dependencies: ["AnketaCore", "AnketaStats"],
                swiftSettings: swiftSettings),
        // Documents: a format-neutral document and its HTML, DOCX and Markdown renderers.
        .target(name: "AnketaDocument",
                dependencies: [.product(name: "ZIPFoundation", package: "ZIPFoundation")],
                swiftSettings: swiftSettings),
        // Reports: the справка composed from figures, plus JSON and CSV figures.
        .target(name: "AnketaReports",
                dependencies: ["AnketaCore", "AnketaCollect", "AnketaAnalysis", "AnketaDocument"],
                swiftSettings: swiftSettings),
        // QR codes for the printable survey poster (no dependencies).
        .target(name: "QRCode", swiftSettings: swiftSettings),
        // Web: survey forms for respondents and the admin console (Hummingbird 2, Mustache).
        .target(name: "AnketaWeb",
                dependencies: [
                    "AnketaCore", "AnketaCollect", "AnketaStore", "AnketaAnalysis", "AnketaDocument", "AnketaReports", "QRCode",
                    .product(name: "Hummingbird", package: "hummingbird"),
                    .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                    .product(name: "Mustache", package: "swift-mustache"),
                ],
                swiftSettings: swiftSettings),
        // The command line: a thin shell over the modules above.
        .executableTarget(name: "anketa",
                          dependencies: [
                              "AnketaCore", "AnketaCollect", "AnketaStore", "AnketaAnalysis", "AnketaReports", "AnketaWeb",
                              .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                              .product(name: "ArgumentParser", package: "swift-argument-parser"),
                          ],
                          swiftSettings: swiftSettings),

        // Fuzz harnesses (fuzz/, run by scripts/fuzz.sh under libFuzzer). Built normally they replay
        // the files given as arguments, so a saved corpus or crash stays a cheap check.
        .target(name: "CFuzzDriver", path: "fuzz/CFuzzDriver"),
        .target(name: "FuzzSupport", dependencies: ["CFuzzDriver"], path: "fuzz/FuzzSupport", swiftSettings: swiftSettings),
        .executableTarget(name: "FuzzCSV", dependencies: ["AnketaCollect", "AnketaCore", "FuzzSupport"], path: "fuzz/FuzzCSV",
                          swiftSettings: swiftSettings),
        .executableTarget(name: "FuzzXLSX", dependencies: ["AnketaCollect", "AnketaCore", "FuzzSupport",
                                                         .product(name: "ZIPFoundation", package: "ZIPFoundation")], path: "fuzz/FuzzXLSX",
                          swiftSettings: swiftSettings),
        .executableTarget(name: "FuzzDefinition", dependencies: ["AnketaCore", "FuzzSupport"], path: "fuzz/FuzzDefinition",
                          swiftSettings: swiftSettings),

        .testTarget(name: "AnketaCoreTests", dependencies: ["AnketaCore"],
                    resources: [.copy("Fixtures")], swiftSettings: swiftSettings),
        .testTarget(name: "AnketaCollectTests", dependencies: ["AnketaCollect", "AnketaCore",
                                                         .product(name: "ZIPFoundation", package: "ZIPFoundation")],
                    resources: [.copy("Fixtures")], swiftSettings: swiftSettings),
        .testTarget(name: "AnketaStoreTests", dependencies: ["AnketaStore", "AnketaCollect", "AnketaCore"],
                    swiftSettings: swiftSettings),
        .testTarget(name: "AnketaStatsTests", dependencies: ["AnketaStats"], swiftSettings: swiftSettings),
        // Fixtures the analysis and report tests share (a small questionnaire and two waves).
        .target(name: "AnketaTestSupport", dependencies: ["AnketaCore", "AnketaAnalysis"], path: "Tests/AnketaTestSupport",
                swiftSettings: swiftSettings),
        .testTarget(name: "AnketaAnalysisTests", dependencies: ["AnketaAnalysis", "AnketaCore", "AnketaTestSupport"],
                    swiftSettings: swiftSettings),
        .testTarget(name: "AnketaDocumentTests", dependencies: ["AnketaDocument"], swiftSettings: swiftSettings),
        .testTarget(name: "AnketaReportsTests", dependencies: ["AnketaReports", "AnketaAnalysis", "AnketaCore", "AnketaDocument", "AnketaTestSupport"],
                    swiftSettings: swiftSettings),
        .testTarget(name: "QRCodeTests", dependencies: ["QRCode"], swiftSettings: swiftSettings),
        .testTarget(name: "AnketaWebTests",
                    dependencies: ["AnketaWeb", "AnketaStore", "AnketaCore",
                                   .product(name: "HummingbirdTesting", package: "hummingbird"),
                                   .product(name: "HummingbirdBcrypt", package: "hummingbird-auth")],
                    swiftSettings: swiftSettings),
        .testTarget(name: "AnketaCLITests",
                    resources: [.copy("Fixtures")], swiftSettings: swiftSettings),
    ]
)
