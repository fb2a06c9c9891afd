public import Foundation
public import Logging
public import ShipTrackCarriers
public import ShipTrackEstimate
public import ShipTrackInput
public import ShipTrackModel
public import ShipTrackReport

/// Everything one nightly run needs, decided by the command line and the store's configuration.
public struct NightlyRunConfiguration: Sendable {
    /// The order file.
    public var inputPath: String
    /// Format, column mapping, countries and date parsing for the order file.
    public var input: InputOptions
    /// The SQLite state file.
    public var databasePath: String
    /// Where the reports go: a dated folder per run, `latest` pointing at the newest.
    public var reportDirectory: String
    /// "Now" for estimates and flags; the wall clock when `nil`.
    public var asOf: Date?
    /// After this long, unfinished shipments are reported as not checked.
    public var deadline: Duration?
    /// Fetch parcels in a final state (delivered, returned) again.
    public var refreshAll = false
    /// Plan the night (quotas) and stop: nothing is fetched.
    public var dryRun = false
    /// How persistently to ask.
    public var fetchPolicy = FetchPolicy()
    /// The carriers and sources.
    public var registry: CarrierRegistry
    /// How the tracking sources are set up (credentials, base URLs, preferences, limits); the run adds its
    /// database as the registration ledger.
    public var sources = SourceSet.Configuration()
    /// Quota units a source may spend per night (the store spreads a month's quota).
    public var unitsPerNight: [SourceID: Int] = [:]
    /// Per-request timeout.
    public var requestTimeout: Duration = .seconds(30)
    /// The store's policy.
    public var policy: StorePolicy = .builtIn
    /// The store's name, for the report and the suggested messages.
    public var storeName = "the store"
    /// The suggested messages to customers.
    public var templates: MessageTemplates = .builtIn
    /// One row per order (default) or one per flag in flagged.csv.
    public var csvRows: FlaggedCSVLayout = .orderRows
    /// Days of report folders kept.
    public var keepReportDays = 30
    /// Whether the store's group may read the reports and the database (default: the owner only).
    public var groupReadable = false
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

    /// The mode report files are created with.
    var reportFileMode: Int32 { groupReadable ? 0o640 : 0o600 }
}
