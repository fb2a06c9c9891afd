import Foundation

/// Finds executables that `swift build --build-tests` put beside the test runner.
enum BuiltExecutable {
    /// `carrier-sim`, or `nil` when it has not been built next to the tests.
    static let carrierSim: URL? = find("carrier-sim")

    static func find(_ name: String) -> URL? {
        guard let testRunner = CommandLine.arguments.first else { return nil }
        var folder = URL(fileURLWithPath: testRunner).deletingLastPathComponent()
        // On Linux the runner is `<build>/debug/ShipTrackPackageTests.xctest`; on macOS it sits deeper in a bundle.
        for _ in 0..<4 {
            let candidate = folder.appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: candidate.path) {
                return candidate
            }
            folder = folder.deletingLastPathComponent()
        }
        return nil
    }
}
