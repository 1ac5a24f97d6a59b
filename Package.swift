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
        // The definitions, collection, statistics and analysis modules, for bench/micro (micro-benchmarks).
        .library(name: "AnketaKit", targets: ["AnketaCore", "AnketaCollect", "AnketaStats", "AnketaAnalysis"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.19"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.5.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.0.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.0.0"),
        .package(url: "https://github.com/apple/swift-crypto", "3.0.0"..<"5.0.0"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.0"),
    ],
    targets: [
        // Debian's libcsv (apt-get install libcsv-dev), wrapped for Swift.
        .systemLibrary(name: "CLibCSV", providers: [.apt(["libcsv-dev"])]),
        // Debian's libxlsxwriter (apt-get install libxlsxwriter-dev), wrapped for Swift.
        .systemLibrary(name: "CLibXLSXWriter", providers: [.apt(["libxlsxwriter-dev"])]),
        // Debian's libqrencode (apt-get install libqrencode-dev), the reference QR code encoder.
        .systemLibrary(name: "CLibQREncode", providers: [.apt(["libqrencode-dev"])]),

        // Definitions: the questionnaire model, loading and validating YAML, responses.
        .target(name: "AnketaCore",
                dependencies: [.product(name: "Yams", package: "Yams")],
                swiftSettings: swiftSettings),
        // Collection: CSV exports (Google Forms, Yandex Forms, Russian Excel) and XLSX workbooks → responses.
        .target(name: "AnketaCollect",
                dependencies: ["AnketaCore", "CLibCSV", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
                swiftSettings: swiftSettings),
        // Spreadsheets: XLSX workbooks written with libxlsxwriter (the CLI's and the console's Excel downloads).
        .target(name: "AnketaSpreadsheet",
                dependencies: ["AnketaCore", "AnketaCollect", "CLibXLSXWriter"],
                swiftSettings: swiftSettings),
        // Store: the `SurveyStore` interface and its embedded implementation, SQLite through GRDB.
        .target(name: "AnketaStore",
                dependencies: ["AnketaCore", .product(name: "GRDB", package: "GRDB.swift")],
                swiftSettings: swiftSettings),
        // Store on a PostgreSQL server (postgres-nio): the same interface and named migrations, for a
        // municipality's shared server. A module of its own so that SQLite-only users of the store don't build it.
        .target(name: "AnketaStorePostgres",
                dependencies: ["AnketaStore", "AnketaCore", .product(name: "PostgresNIO", package: "postgres-nio")],
                swiftSettings: swiftSettings),
        // Statistics: pure math, no I/O.
        .target(name: "AnketaStats", swiftSettings: swiftSettings),
        // Analysis: questionnaire-level figures (questions, indicators, breakdowns, deficit map).
        .target(name: "AnketaAnalysis",
                dependencies: ["AnketaCore", "AnketaStats"],
                swiftSettings: swiftSettings),
        // Findings: what a methodist would write from the figures (deficits, declines, differences,
        // recurring open answers), ranked, and the management decisions drafted from them.
        .target(name: "AnketaFindings",
                dependencies: ["AnketaCore", "AnketaAnalysis", "AnketaStats"],
                swiftSettings: swiftSettings),
        // Documents: a format-neutral document and its HTML, DOCX and Markdown renderers.
        .target(name: "AnketaDocument",
                dependencies: [.product(name: "ZIPFoundation", package: "ZIPFoundation")],
                swiftSettings: swiftSettings),
        // Reports: the справка composed from figures, plus JSON and CSV figures.
        .target(name: "AnketaReports",
                dependencies: ["AnketaCore", "AnketaCollect", "AnketaAnalysis", "AnketaFindings", "AnketaDocument", "AnketaResults"],
                swiftSettings: swiftSettings),
        // Individual profiles (ИОМ): one named teacher's figures, deficits and draft route as a
        // one-page document — kept apart from the справка, which never shows a single respondent.
        .target(name: "AnketaIOM",
                dependencies: ["AnketaCore", "AnketaAnalysis", "AnketaDocument"],
                swiftSettings: swiftSettings),
        // Results: per-student marks from external procedures (ВПР, ОГЭ, ЕГЭ…) beside school marks — definition and import.
        .target(name: "AnketaResults",
                dependencies: ["AnketaCore", "AnketaCollect", .product(name: "Yams", package: "Yams")],
                swiftSettings: swiftSettings),
        // Objectivity: pure statistics of school against external marks (понизили / подтвердили / повысили, ρ, paired tests).
        .target(name: "AnketaObjectivity",
                dependencies: ["AnketaResults", "AnketaStats"],
                swiftSettings: swiftSettings),
        // Objectivity report: the справка «Об объективности оценивания», its JSON and CSV figures.
        .target(name: "AnketaObjectivityReport",
                dependencies: ["AnketaCore", "AnketaCollect", "AnketaAnalysis", "AnketaResults", "AnketaObjectivity", "AnketaStats", "AnketaDocument", "AnketaReports"],
                swiftSettings: swiftSettings),
        // Municipal: one questionnaire across the schools of a municipality — per-school and pooled figures,
        // each school against the rest (Holm), the cross-audience карта дефицитов, the municipal справка and the batch of school справки.
        .target(name: "AnketaMunicipal",
                dependencies: ["AnketaCore", "AnketaCollect", "AnketaAnalysis", "AnketaStats", "AnketaDocument", "AnketaReports"],
                swiftSettings: swiftSettings),
        // QR codes for the printable poster and access-code slips: libqrencode's symbols as SVG.
        .target(name: "QRCode", dependencies: ["CLibQREncode"], swiftSettings: swiftSettings),
        // Web: survey forms for respondents and the admin console (Hummingbird 2, Mustache).
        .target(name: "AnketaWeb",
                dependencies: [
                    "AnketaCore", "AnketaCollect", "AnketaStore", "AnketaAnalysis", "AnketaDocument", "AnketaReports", "AnketaSpreadsheet", "QRCode", "AnketaIOM",
                    "AnketaMunicipal",
                    .product(name: "Hummingbird", package: "hummingbird"),
                    .product(name: "HummingbirdCore", package: "hummingbird"),
                    .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                    .product(name: "Mustache", package: "swift-mustache"),
                    .product(name: "Crypto", package: "swift-crypto"),
                ],
                swiftSettings: swiftSettings),
        // The command line: a thin shell over the modules above.
        .executableTarget(name: "anketa",
                          dependencies: [
                              "AnketaCore", "AnketaCollect", "AnketaStore", "AnketaStorePostgres", "AnketaAnalysis", "AnketaReports", "AnketaWeb",
                              "AnketaResults", "AnketaObjectivity", "AnketaObjectivityReport", "AnketaIOM", "AnketaSpreadsheet", "AnketaMunicipal",
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
        .testTarget(name: "AnketaCollectTests", dependencies: ["AnketaCollect", "AnketaCore", "AnketaTestSupport",
                                                         .product(name: "ZIPFoundation", package: "ZIPFoundation")],
                    resources: [.copy("Fixtures")], swiftSettings: swiftSettings),
        .testTarget(name: "AnketaSpreadsheetTests", dependencies: ["AnketaSpreadsheet", "AnketaCollect", "AnketaCore"],
                    swiftSettings: swiftSettings),
        .testTarget(name: "AnketaStoreTests", dependencies: ["AnketaStore", "AnketaStorePostgres", "AnketaStoreTestSupport", "AnketaCollect", "AnketaCore",
                                                        "AnketaTestSupport"],
                    swiftSettings: swiftSettings),
        // A fresh store per test on each backend: SQLite in memory, and a new PostgreSQL database on the
        // server named by ANKETA_TEST_POSTGRES_URL (scripts/test.sh starts a throwaway cluster).
        .target(name: "AnketaStoreTestSupport", dependencies: ["AnketaStore", "AnketaStorePostgres",
                                                               .product(name: "PostgresNIO", package: "postgres-nio")],
                path: "Tests/AnketaStoreTestSupport", swiftSettings: swiftSettings),
        .testTarget(name: "AnketaStatsTests", dependencies: ["AnketaStats", "AnketaTestSupport"], swiftSettings: swiftSettings),
        // Fixtures the analysis and report tests share (a small questionnaire and two waves).
        .target(name: "AnketaTestSupport", dependencies: ["AnketaCore", "AnketaAnalysis", "AnketaStats"], path: "Tests/AnketaTestSupport",
                swiftSettings: swiftSettings),
        .testTarget(name: "AnketaAnalysisTests", dependencies: ["AnketaAnalysis", "AnketaCore", "AnketaTestSupport"],
                    swiftSettings: swiftSettings),
        .testTarget(name: "AnketaFindingsTests", dependencies: ["AnketaFindings", "AnketaAnalysis", "AnketaCore", "AnketaTestSupport"],
                    swiftSettings: swiftSettings),
        .testTarget(name: "AnketaDocumentTests", dependencies: ["AnketaDocument", "AnketaTestSupport"], swiftSettings: swiftSettings),
        .testTarget(name: "AnketaReportsTests", dependencies: ["AnketaReports", "AnketaAnalysis", "AnketaCore", "AnketaCollect", "AnketaDocument", "AnketaResults", "AnketaTestSupport"],
                    swiftSettings: swiftSettings),
        .testTarget(name: "AnketaIOMTests", dependencies: ["AnketaIOM", "AnketaAnalysis", "AnketaCore", "AnketaDocument", "AnketaTestSupport"],
                    swiftSettings: swiftSettings),
        .testTarget(name: "QRCodeTests", dependencies: ["QRCode"], swiftSettings: swiftSettings),
        .testTarget(name: "AnketaWebTests",
                    dependencies: ["AnketaWeb", "AnketaStore", "AnketaCore", "AnketaCollect", "AnketaTestSupport",
                                   .product(name: "HummingbirdTesting", package: "hummingbird"),
                                   .product(name: "HummingbirdBcrypt", package: "hummingbird-auth")],
                    swiftSettings: swiftSettings),
        .testTarget(name: "AnketaResultsTests", dependencies: ["AnketaResults", "AnketaCollect", "AnketaCore"],
                    swiftSettings: swiftSettings),
        .testTarget(name: "AnketaObjectivityTests",
                    dependencies: ["AnketaObjectivity", "AnketaObjectivityReport", "AnketaResults", "AnketaStats", "AnketaDocument", "AnketaCore",
                                   "AnketaAnalysis", "AnketaTestSupport"],
                    swiftSettings: swiftSettings),
        .testTarget(name: "AnketaMunicipalTests",
                    dependencies: ["AnketaMunicipal", "AnketaAnalysis", "AnketaCore", "AnketaCollect", "AnketaStore", "AnketaStats", "AnketaDocument",
                                   "AnketaReports", "AnketaTestSupport"],
                    swiftSettings: swiftSettings),
        // Runs the built `anketa` as a user would; shares only the seeded generator with the others.
        .testTarget(name: "AnketaCLITests", dependencies: ["AnketaTestSupport"],
                    resources: [.copy("Fixtures")], swiftSettings: swiftSettings),
    ]
)
