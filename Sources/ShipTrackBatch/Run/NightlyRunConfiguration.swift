public import Foundation
public import Logging
public import ShipTrackCarriers
public import ShipTrackEstimate
public import ShipTrackInput

/// Everything one nightly run needs, decided by the command line.
public struct NightlyRunConfiguration: Sendable {
    /// The order file.
    public var inputPath: String
    /// Format, column mapping, countries and date parsing for the order file.
    public var input: InputOptions
    /// The SQLite state file.
    public var databasePath: String
    /// Where `summary.json`, `shipments.jsonl` and `flagged.csv` go.
    public var reportDirectory: String
    /// "Now" for estimates and flags; the wall clock when `nil`.
    public var asOf: Date?
    /// After this long, unfinished shipments are reported as not checked.
    public var deadline: Duration?
    /// Fetch parcels in a final state (delivered, returned) again.
    public var refreshAll = false
    /// Politeness and persistence towards carriers.
    public var fetchPolicy = FetchPolicy()
    /// The carriers.
    public var registry: CarrierRegistry
    /// How the tracking sources are set up (credentials, base URLs, preferences, limits); the run adds its
    /// database as the registration ledger.
    public var sources = SourceSet.Configuration()
    /// Per-request timeout.
    public var requestTimeout: Duration = .seconds(30)
    /// The store's policy.
    public var policy: StorePolicy = .builtIn
    /// Show a progress line on stderr (only when it is a terminal).
    public var showProgress = false
    public var logger: Logger

    public init(
        inputPath: String, input: InputOptions, databasePath: String, reportDirectory: String,
        registry: CarrierRegistry, logger: Logger
    ) {
        self.inputPath = inputPath
        self.input = input
        self.databasePath = databasePath
        self.reportDirectory = reportDirectory
        self.registry = registry
        self.logger = logger
    }
}
