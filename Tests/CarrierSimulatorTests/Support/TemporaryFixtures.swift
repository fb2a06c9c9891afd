import Foundation

/// A throwaway fixtures folder for one test: a routing file and a few pages, removed when the value goes away.
final class TemporaryFixtures: Sendable {
    let directory: URL

    /// Creates the folder with `routingFile` as `simulator.json` and `files` (paths relative to the folder).
    init(routingFile: String = TestRoutingFile.standard, files: [String: [UInt8]] = TestPages.standard) throws {
        self.directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("carrier-sim-tests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: self.directory, withIntermediateDirectories: true)
        try Data(routingFile.utf8).write(to: self.directory.appendingPathComponent("simulator.json"))
        for (relativePath, contents) in files {
            let file = self.directory.appendingPathComponent(relativePath)
            try FileManager.default.createDirectory(
                at: file.deletingLastPathComponent(),
                withIntermediateDirectories: true
            )
            try Data(contents).write(to: file)
        }
    }

    deinit {
        try? FileManager.default.removeItem(at: self.directory)
    }
}
