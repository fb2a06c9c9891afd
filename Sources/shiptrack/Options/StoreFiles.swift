import Foundation
import ShipTrackBatch
import ShipTrackConfiguration
import ShipTrackEstimate

/// Where the store's files are, as the command line, the configuration and the defaults decide, in that order.
struct StoreFiles {
    let configuration: StoreConfiguration

    /// The SQLite state file.
    func databasePath(option: String?) -> String {
        option ?? configuration.database.map { StoreConfiguration.expandingTilde($0) } ?? BatchStore.defaultPath
    }

    /// The report folder.
    func reportDirectory(option: String?) -> String {
        option ?? configuration.reports.folder.map { StoreConfiguration.expandingTilde($0) } ?? BatchStore.defaultReportDirectory
    }

    /// The store's policy: the option's file, the configuration's, or the built-in one.
    func policy(option: String?) throws -> StorePolicy {
        let path = option ?? configuration.policy.map { StoreConfiguration.expandingTilde($0) }
        return try path.map { try StorePolicy.load(contentsOf: URL(fileURLWithPath: $0)) } ?? .builtIn
    }
}
