public import Foundation

/// The repository's folders, found from this file's own location so tests run from any working directory.
///
/// Every test target uses this one lookup instead of walking up from its own `#filePath`.
public enum RepositoryPaths {
    /// The repository root (the folder holding `Package.swift`).
    public static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    /// `Carriers/`: one definition file per carrier.
    public static let carriers = root.appendingPathComponent("Carriers")
    /// `Fixtures/`: the pages and answers the simulator serves, with their expected readings.
    public static let fixtures = root.appendingPathComponent("Fixtures")
    /// `Policy/`: the store policy and the country table.
    public static let policy = root.appendingPathComponent("Policy")

    /// A file or folder under the root, by its relative path (`Fixtures/orders/sample.csv`).
    public static func path(_ relative: String) -> URL { root.appendingPathComponent(relative) }
}
