public import Foundation
public import ShipTrackModel

/// The store's settings in one documented file: sources and their order, credentials, order-file columns, reports,
/// the database, the policy.
///
/// Read from `--config PATH`, else `$SHIPTRACK_CONFIG`, else `$XDG_CONFIG_HOME/shiptrack/config.json`
/// (`~/.config/shiptrack/config.json`); no file means every default. Command-line options override the file. Every
/// mistake is one error naming the file, the key and the problem (`docs/configuration.md`).
public struct StoreConfiguration: Sendable {
    /// The file the configuration was read from, if any.
    public var file: String?
    /// The store's name, for messages to customers.
    public var storeName: String?
    /// Sources: order of preference, limits, credentials.
    public var sources = Sources()
    /// Order files: column mappings and date order.
    public var orders = Orders()
    /// Reports: folder, history, templates, CSV layout.
    public var reports = Reports()
    /// The state database.
    public var database: String?
    /// A store policy file replacing the built-in policy.
    public var policy: String?

    public init() {}

    /// The tracking sources' settings.
    public struct Sources: Sendable {
        /// The order of sources per carrier (`"epacket": ["17track", "chinapost-page"]`).
        public var preferences: [CarrierID: [SourceID]] = [:]
        /// Limits replacing the sources' published ones (a contract with a higher quota).
        public var limits: [SourceID: Limits] = [:]
        /// The credentials file (`NAME=value` lines, owner-only).
        public var credentialsFile: String?
        /// The longest `Retry-After` a run waits out.
        public var longestRetryWait: Duration?
        /// Where to send requests instead of the real sites (`URL` or `source=URL,...`).
        public var baseURL: String?

        public init() {}
    }

    /// A source's limits as the store sets them.
    public struct Limits: Sendable, Hashable {
        public var concurrency: Int?
        public var requestsPerSecond: Double?
        /// Calls per rolling hour; 0 for no hourly count (an allowance USPS lifted).
        public var callsPerHour: Int?
        public var unitsPerMonth: Int?
        public var unitsPerNight: Int?

        public init() {}
    }

    /// The order files' settings.
    public struct Orders: Sendable {
        /// `canonical column = the export's header`.
        public var columns: [String: String] = [:]
        /// `csv` or `jsonl`.
        public var format: String?
        /// `mdy` or `dmy` for slash dates.
        public var dateOrder: String?

        public init() {}
    }

    /// The reports' settings.
    public struct Reports: Sendable {
        /// Where reports go (a dated folder per run, `latest` pointing at the newest).
        public var folder: String?
        /// Days of report folders kept.
        public var keepDays: Int?
        /// A message templates file replacing the built-in one.
        public var templates: String?
        /// `order` (one row per order) or `flag` (one row per flag) in flagged.csv.
        public var csvRows: String?
        /// Whether the store's group may read the reports and the database (default: the owner only).
        public var groupReadable: Bool?

        public init() {}
    }

    /// The environment variable naming the configuration file.
    public static let environmentVariable = "SHIPTRACK_CONFIG"

    /// `$XDG_CONFIG_HOME/shiptrack/config.json`, else `~/.config/shiptrack/config.json`.
    public static func defaultFile(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        if let config = environment["XDG_CONFIG_HOME"], config.hasPrefix("/") {
            return URL(fileURLWithPath: config).appendingPathComponent("shiptrack/config.json")
        }
        let home = environment["HOME"] ?? NSHomeDirectory()
        return URL(fileURLWithPath: home).appendingPathComponent(".config/shiptrack/config.json")
    }

    /// The configuration at `path` (required to exist), else at `$SHIPTRACK_CONFIG` (required), else the default
    /// file if it exists, else the defaults.
    public static func load(path: String?, environment: [String: String] = ProcessInfo.processInfo.environment)
        throws(ConfigurationError) -> StoreConfiguration
    {
        if let path { return try read(URL(fileURLWithPath: expandingTilde(path, environment: environment))) }
        if let path = environment[environmentVariable], !path.isEmpty {
            return try read(URL(fileURLWithPath: expandingTilde(path, environment: environment)))
        }
        let file = defaultFile(environment: environment)
        guard FileManager.default.fileExists(atPath: file.path) else { return StoreConfiguration() }
        return try read(file)
    }

    /// `~/x` → `$HOME/x`.
    public static func expandingTilde(_ path: String, environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        guard path.hasPrefix("~/") else { return path }
        return (environment["HOME"] ?? NSHomeDirectory()) + path.dropFirst()
    }
}

/// A configuration file that cannot be used: the file, the key, what is wrong.
public struct ConfigurationError: Error, Sendable, CustomStringConvertible {
    public let file: String
    public let key: String
    public let message: String

    public init(file: String, key: String, message: String) {
        self.file = file
        self.key = key
        self.message = message
    }

    public var description: String { key.isEmpty ? "\(file): \(message)" : "\(file): \(key): \(message)" }
}
