import Foundation
import ShipTrackTestSupport

/// Headless Chromium, when the machine has it (`make deps` installs Debian's `chromium`).
enum Browser {
    /// The first Chromium found: `$CHROMIUM`, then the usual names on `PATH`.
    static let path: String? = {
        let environment = ProcessInfo.processInfo.environment
        if let explicit = environment["CHROMIUM"], FileManager.default.isExecutableFile(atPath: explicit) { return explicit }
        let folders = (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":").map(String.init)
        for name in ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"] {
            for folder in folders where FileManager.default.isExecutableFile(atPath: "\(folder)/\(name)") {
                return "\(folder)/\(name)"
            }
        }
        return nil
    }()

    /// Where screenshots and the reports they show go: `report-screenshots/` at the repository root (ignored by git).
    static let screenshots: URL = {
        let folder = RepositoryPaths.path("report-screenshots")
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }()

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// Runs Chromium headless with `arguments` on `url`; returns its standard output.
    @discardableResult
    static func run(_ arguments: [String], url: URL, fragment: String? = nil, timeout: TimeInterval = 120) throws -> String {
        guard let path else { throw Failure(description: "chromium not found") }
        // Each run gets its own profile, so parallel tests never fight over one.
        let profile = FileManager.default.temporaryDirectory.appendingPathComponent("shiptrack-chromium-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: profile) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        var target = url.absoluteString
        if let fragment { target += "#" + fragment }
        process.arguments =
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run",
                "--disable-extensions", "--user-data-dir=\(profile.path)",
            ] + arguments + [target]
        // Output goes to a file: a large DOM would fill a pipe and block Chromium while nobody reads it.
        let outputFile = profile.appendingPathExtension("out")
        _ = FileManager.default.createFile(atPath: outputFile.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: outputFile) }
        let output = try FileHandle(forWritingTo: outputFile)
        process.standardOutput = output
        process.standardError = FileHandle(forWritingAtPath: "/dev/null")
        try process.run()
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        if process.isRunning {
            process.terminate()
            throw Failure(description: "chromium did not finish within \(Int(timeout)) s")
        }
        try output.close()
        guard process.terminationStatus == 0 else {
            throw Failure(description: "chromium exited with status \(process.terminationStatus)")
        }
        return String(decoding: try Data(contentsOf: outputFile), as: UTF8.self)
    }

    /// The page's DOM after its script ran.
    static func dumpDOM(_ url: URL, fragment: String? = nil) throws -> String {
        try run(["--virtual-time-budget=10000", "--dump-dom"], url: url, fragment: fragment)
    }

    /// A screenshot of the top of the page at `width`×`height`.
    static func screenshot(_ url: URL, fragment: String? = nil, to file: URL, width: Int, height: Int) throws {
        try? FileManager.default.removeItem(at: file)
        try run(
            ["--virtual-time-budget=10000", "--window-size=\(width),\(height)", "--screenshot=\(file.path)"], url: url,
            fragment: fragment)
        guard FileManager.default.fileExists(atPath: file.path) else {
            throw Failure(description: "chromium wrote no screenshot at \(file.path)")
        }
    }
}
