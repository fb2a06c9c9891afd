// swift-tools-version: 6.0
// `make fuzz`'s targets, kept out of the product: its own package, so `make test` never builds it (as Benchmarks/).
// Each executable is a libFuzzer target: it defines `LLVMFuzzerTestOneInput` and no `main`, and is only usable when
// built with `--sanitize=fuzzer` (libFuzzer brings `main`). `scripts/fuzz.sh` builds and runs them.
import Foundation
import PackageDescription

// A path dependency is identified by its folder's name, which is whatever the clone was called.
let root = URL(fileURLWithPath: Context.packageDirectory).deletingLastPathComponent().lastPathComponent.lowercased()

let package = Package(
    name: "ShipTrackFuzz",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(path: ".."),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
    ],
    targets: [
        // What every target shares: reading the fuzzer's bytes, checking invariants, the loaded registry.
        .target(
            name: "FuzzSupport",
            dependencies: [
                .product(name: "ShipTrackInternals", package: root),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .executableTarget(
            name: "fuzz-orders-csv",
            dependencies: ["FuzzSupport", .product(name: "ShipTrackInternals", package: root)]
        ),
        .executableTarget(
            name: "fuzz-orders-jsonl",
            dependencies: ["FuzzSupport", .product(name: "ShipTrackInternals", package: root)]
        ),
        .executableTarget(
            name: "fuzz-answers",
            dependencies: [
                "FuzzSupport", .product(name: "ShipTrackInternals", package: root),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .executableTarget(
            name: "fuzz-numbers",
            dependencies: ["FuzzSupport", .product(name: "ShipTrackInternals", package: root)]
        ),
        .executableTarget(
            name: "fuzz-definitions",
            dependencies: [
                "FuzzSupport", .product(name: "ShipTrackInternals", package: root),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
    ]
)

for target in package.targets {
    var settings = target.swiftSettings ?? []
    settings.append(.enableUpcomingFeature("ExistentialAny"))
    settings.append(.enableUpcomingFeature("InternalImportsByDefault"))
    settings.append(.enableUpcomingFeature("MemberImportVisibility"))
    // No file is top-level code: libFuzzer's `main` is the entry point (SwiftPM adds this only for one-file targets).
    if target.type == .executable { settings.append(.unsafeFlags(["-parse-as-library"])) }
    target.swiftSettings = settings
}
