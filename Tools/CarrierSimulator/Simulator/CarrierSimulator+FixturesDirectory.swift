public import Foundation

extension CarrierSimulator {
    /// Finds the fixtures folder to serve when none is named: `Fixtures/` in `currentDirectory` if it holds a
    /// routing file, else the `Fixtures/` of the nearest folder above the executable that holds one (so a binary
    /// built into the repository's `.build/` finds the repository's fixtures from anywhere).
    ///
    /// - Parameters:
    ///   - currentDirectory: The folder to look in first.
    ///   - executablePath: The executable's path, usually `CommandLine.arguments[0]`; a relative path is taken
    ///     relative to `currentDirectory`, and symbolic links are resolved.
    /// - Returns: The fixtures folder, or `nil` when neither place has one.
    public static func defaultFixturesDirectory(currentDirectory: URL, executablePath: String?) -> URL? {
        var candidates = [currentDirectory.appendingPathComponent("Fixtures")]
        if let executablePath, !executablePath.isEmpty {
            let executable = URL(fileURLWithPath: executablePath, relativeTo: currentDirectory)
                .standardizedFileURL
                .resolvingSymlinksInPath()
            var folder = executable.deletingLastPathComponent()
            while true {
                candidates.append(folder.appendingPathComponent("Fixtures"))
                let parent = folder.deletingLastPathComponent()
                guard parent.path != folder.path, !folder.path.isEmpty else { break }
                folder = parent
            }
        }
        return candidates.first { candidate in
            FileManager.default.fileExists(atPath: candidate.appendingPathComponent(SimulatorConfiguration.fileName).path)
        }
    }
}
