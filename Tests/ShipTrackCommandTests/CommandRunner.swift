import Foundation
import ShipTrackTestSupport

/// Runs the built `shiptrack` binary as a user would, capturing its output and exit status.
enum CommandRunner {
    struct Outcome {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    static let repositoryRoot = RepositoryPaths.root

    /// `shiptrack` beside the test runner (`swift build --build-tests` builds it there), or `$SHIPTRACK_BIN`.
    static let executable: URL? = {
        if let path = ProcessInfo.processInfo.environment["SHIPTRACK_BIN"] { return URL(fileURLWithPath: path) }
        guard let runner = CommandLine.arguments.first else { return nil }
        var folder = URL(fileURLWithPath: runner).deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = folder.appendingPathComponent("shiptrack")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        return nil
    }()

    /// The executable, or an error saying it has not been built.
    static func requireExecutable() throws -> URL {
        guard let executable else { throw CocoaError(.fileNoSuchFile) }
        return executable
    }

    /// The configuration, state and cache folders of every command a test runs (one per test process).
    static let isolatedHome = FileManager.default.temporaryDirectory.appendingPathComponent("shiptrack-command-tests-\(getpid())")

    /// The simulator's test credentials for the APIs, as the environment gives them.
    static let apiCredentials: [String: String] = [
        "USPS_CLIENT_ID": "shiptrack-test-client", "USPS_CLIENT_SECRET": "shiptrack-test-secret",
        "TRACK17_API_KEY": "shiptrack-test-17token", "EMS_EUB_TOKEN": "shiptrack-test-ems-token",
    ]

    static func run(_ arguments: [String], environment: [String: String] = [:]) throws -> Outcome {
        guard let executable else { throw CocoaError(.fileNoSuchFile) }
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        var merged = ProcessInfo.processInfo.environment
        // Nothing of the developer's own set-up reaches a test: no base URL, definitions, configuration, credentials,
        // token cache or lookup database but the test's.
        for name in [
            "SHIPTRACK_BASE_URL", "SHIPTRACK_CARRIERS", "SHIPTRACK_SOURCES", "SHIPTRACK_CONFIG", "SHIPTRACK_CREDENTIALS",
            "USPS_CLIENT_ID", "USPS_CLIENT_SECRET", "TRACK17_API_KEY", "EMS_EUB_TOKEN",
        ] {
            merged.removeValue(forKey: name)
        }
        for (name, folder) in ["XDG_CONFIG_HOME": "config", "XDG_STATE_HOME": "state", "XDG_CACHE_HOME": "cache"] {
            merged[name] = isolatedHome.appendingPathComponent(folder).path
        }
        for (key, value) in environment { merged[key] = value }
        process.environment = merged
        // Cron runs the tool from anywhere: run it from a folder with nothing beside it.
        process.currentDirectoryURL = FileManager.default.temporaryDirectory
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Read both pipes fully before waiting, so a large output cannot block the child.
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Outcome(
            status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self))
    }
}
