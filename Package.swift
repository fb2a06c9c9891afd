// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "ShipTrack",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "ShipTrack", targets: ["ShipTrackCarriers", "ShipTrackEstimate"]),
        .executable(name: "shiptrack", targets: ["shiptrack"]),
        .executable(name: "carrier-sim", targets: ["carrier-sim"]),
        // For the benchmark package in Benchmarks/ (a tool, not the product, so `make test` never builds it).
        .library(
            name: "ShipTrackInternals",
            targets: [
                "ShipTrackModel", "ShipTrackNumbers", "ShipTrackHTTP", "ShipTrackXML", "ShipTrackCarriers",
                "ShipTrackEstimate", "ShipTrackInput", "ShipTrackBatch", "ShipTrackConfiguration", "ShipTrackReport",
            ]),
        .library(name: "CarrierSimulator", targets: ["CarrierSimulator"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.80.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
    ],
    targets: [
        // C libraries, reached only through their wrapper modules below.
        .systemLibrary(
            name: "CCurl",
            pkgConfig: "libcurl",
            providers: [.apt(["libcurl4-openssl-dev"])]
        ),
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),

        // Thin safe wrappers: no C pointer leaves these modules.
        .target(
            name: "ShipTrackHTTP",
            dependencies: ["CCurl", .product(name: "Logging", package: "swift-log")]
        ),
        .target(name: "ShipTrackXML", dependencies: ["CLibXML2"]),

        // The normalized tracking model every other module speaks.
        .target(name: "ShipTrackModel"),

        // Tracking-number identification: named check-digit algorithms and number formats as data.
        .target(name: "ShipTrackNumbers", dependencies: ["ShipTrackModel"]),

        // Carrier definitions, the generic engine, identification and lookups.
        .target(
            name: "ShipTrackCarriers",
            dependencies: [
                "ShipTrackModel", "ShipTrackNumbers", "ShipTrackHTTP", "ShipTrackXML",
                .product(name: "Logging", package: "swift-log"),
            ]
        ),

        // The store's configuration file: sources and their order, credentials, columns, reports. Pure reading.
        .target(name: "ShipTrackConfiguration", dependencies: ["ShipTrackModel"]),

        // The store's policy, countries, business days, estimates and flags. Pure logic.
        .target(name: "ShipTrackEstimate", dependencies: ["ShipTrackModel"]),

        // The morning report: report.html and flagged.csv from the run's orders, estimates and flags. No I/O of its
        // own: it writes into a byte sink the batch provides.
        .target(name: "ShipTrackReport", dependencies: ["ShipTrackModel", "ShipTrackEstimate"]),

        // Reading order files (CSV, JSON Lines) as a stream of validated rows.
        .target(name: "ShipTrackInput", dependencies: ["ShipTrackModel", "ShipTrackEstimate"]),

        // The nightly batch: state in SQLite, polite fetching at scale, retries, resumption, reports.
        .target(
            name: "ShipTrackBatch",
            dependencies: [
                "ShipTrackModel", "ShipTrackNumbers", "ShipTrackCarriers", "ShipTrackEstimate", "ShipTrackHTTP",
                "ShipTrackInput", "ShipTrackReport",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),

        // Tools, not the product: the loopback carrier simulator (a library so tests can start it in-process) and
        // its command. They live in Tools/; the benchmark driver is its own package in Benchmarks/.
        .target(
            name: "CarrierSimulator",
            dependencies: [
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Tools/CarrierSimulator"
        ),
        .executableTarget(
            name: "carrier-sim",
            dependencies: [
                "CarrierSimulator",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Tools/carrier-sim"
        ),
        .executableTarget(
            name: "shiptrack",
            dependencies: [
                "ShipTrackModel", "ShipTrackNumbers", "ShipTrackCarriers", "ShipTrackEstimate", "ShipTrackHTTP",
                "ShipTrackInput", "ShipTrackBatch", "ShipTrackConfiguration", "ShipTrackReport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),

        // What every test target shares: the repository's folders, found from this file's path, and a log capture.
        .target(
            name: "ShipTrackTestSupport", dependencies: [.product(name: "Logging", package: "swift-log")],
            path: "Tests/ShipTrackTestSupport"),

        .testTarget(name: "ShipTrackXMLTests", dependencies: ["ShipTrackTestSupport", "ShipTrackXML"]),
        .testTarget(
            name: "ShipTrackHTTPTests",
            dependencies: [
                "ShipTrackTestSupport", "ShipTrackHTTP", "CarrierSimulator",
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .testTarget(
            name: "ShipTrackCarriersTests",
            dependencies: [
                "ShipTrackTestSupport",
                "ShipTrackCarriers", "ShipTrackModel", "ShipTrackNumbers", "ShipTrackHTTP", "CarrierSimulator",
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .testTarget(name: "ShipTrackNumbersTests", dependencies: ["ShipTrackTestSupport", "ShipTrackNumbers", "ShipTrackModel"]),
        .testTarget(
            name: "CarrierSimulatorTests",
            dependencies: [
                "ShipTrackTestSupport", "CarrierSimulator", .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .testTarget(name: "ShipTrackInputTests", dependencies: ["ShipTrackTestSupport", "ShipTrackInput", "ShipTrackEstimate"]),
        .testTarget(
            name: "ShipTrackBatchTests",
            dependencies: [
                "ShipTrackTestSupport",
                "ShipTrackBatch", "ShipTrackInput", "ShipTrackCarriers", "ShipTrackModel", "CarrierSimulator",
                .product(name: "GRDB", package: "GRDB.swift"), .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .testTarget(
            name: "ShipTrackReportTests",
            dependencies: ["ShipTrackTestSupport", "ShipTrackReport", "ShipTrackEstimate", "ShipTrackModel"]
        ),
        .testTarget(
            name: "ShipTrackConfigurationTests", dependencies: ["ShipTrackTestSupport", "ShipTrackConfiguration", "ShipTrackModel"]),
        .testTarget(name: "ShipTrackEstimateTests", dependencies: ["ShipTrackTestSupport", "ShipTrackEstimate", "ShipTrackModel"]),
        .testTarget(
            name: "ShipTrackCommandTests",
            dependencies: [
                "ShipTrackTestSupport",
                "CarrierSimulator", .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
    ]
)

// Swift 6 language mode and full strictness for every Swift target, in one place (as swift-log does).
for target in package.targets where [.executable, .test, .regular].contains(target.type) {
    var settings = target.swiftSettings ?? []
    // SE-0335: existential types are spelled `any P`.
    settings.append(.enableUpcomingFeature("ExistentialAny"))
    // SE-0409: imports are internal unless a public declaration needs them (`public import`).
    settings.append(.enableUpcomingFeature("InternalImportsByDefault"))
    // SE-0444: a file sees the members of only the modules it imports itself.
    settings.append(.enableUpcomingFeature("MemberImportVisibility"))
    target.swiftSettings = settings
}
