import ArgumentParser
import Foundation
import Logging
import ShipTrackBatch
import ShipTrackCarriers
import ShipTrackConfiguration
import ShipTrackEstimate
import ShipTrackInput
import ShipTrackModel
import ShipTrackReport

/// `shiptrack run ORDERS`: the nightly batch.
struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Check every shipment of an order file, store the results and write the morning reports.",
        discussion: """
            The reports go to a dated folder per run under the report folder; `latest` points at the newest \
            complete one (report.html, flagged.csv, shipments.jsonl, summary.json).

            Exit statuses: 0 every due shipment checked; 1 finished, but some shipments could not be checked \
            (see the summary's "not checked"); 2 input error (unreadable order file, invalid option value) or the \
            order file refused because most rows were rejected (last night's reports stay `latest`); 3 database, \
            lock file, report folder or HTTP set-up error; 4 another run holds this database's lock; 7 the sources' \
            credentials are set up wrong; 64 usage error. A run that is killed is resumed by the next run on the \
            same file: nothing is lost or stored twice.
            """)

    @Argument(help: "The order file: CSV or JSON Lines (see docs/order-files.md).", completion: .file())
    var orders: String

    @Option(name: .long, help: "csv or jsonl; by default from the file's extension.")
    var inputFormat: String?

    @Option(name: .long, parsing: .singleValue, help: "Map a canonical column to another export's header: canonical=Header.")
    var column: [String] = []

    @Option(name: .long, help: "The SQLite state file (default: \(BatchStore.defaultPath)).")
    var db: String?

    @Option(name: .long, help: "Where the reports go (default: \(BatchStore.defaultReportDirectory)).")
    var reportDir: String?

    @Option(name: .long, help: "Compute flags as of this time instead of now (ISO 8601, a date, or 11/20/2026 10:00).")
    var asOf: String?

    @Option(name: .long, help: "Stop starting new checks after this long (e.g. 90m, 2h, 3600s); the rest is reported as not checked.")
    var deadline: String?

    @Flag(name: .long, help: "Fetch parcels in a final state (delivered, returned) again.")
    var refreshAll = false

    @Option(name: .long, parsing: .singleValue, help: "Requests at once: N for every source, or source=N (a carrier name sets each of its sources); default: each source's own limit.")
    var concurrency: [String] = []

    @Option(name: .long, parsing: .singleValue, help: "Requests per second: R for every source, or source=R; 0 for no limit; default: each source's own limit.")
    var rate: [String] = []

    @Option(name: .long, help: "Requests per shipment at most, retries included.")
    var maxAttempts: Int = 4

    @Option(name: .long, help: "A store policy file replacing the built-in policy.", completion: .file())
    var policy: String?

    @Flag(name: .long, help: "Never show the progress line (it only shows when stderr is a terminal).")
    var noProgress = false

    @Flag(name: .long, help: "Import the orders and plan the night within the sources' quotas, then stop: nothing is asked, no report is written.")
    var dryRun = false

    @Option(name: .long, help: "flagged.csv with one row per order (order, the default) or one per flag (flag).")
    var csvRows: String?

    @OptionGroup var time: TimeOptions
    @OptionGroup var tracking: TrackingOptions
    @OptionGroup var logging: LoggingOptions

    func validate() throws {
        if let inputFormat, InputFormat(name: inputFormat) == nil {
            throw ValidationError("--input-format must be csv or jsonl")
        }
        if let deadline, Self.parseDuration(deadline) == nil {
            throw ValidationError("--deadline \"\(deadline)\" is not a duration such as 90m, 2h or 3600s")
        }
        guard (1...20).contains(maxAttempts) else { throw ValidationError("--max-attempts must be between 1 and 20") }
        if let csvRows, !["order", "flag"].contains(csvRows) { throw ValidationError("--csv-rows must be order or flag") }
    }

    func run() async throws {
        let logger = logging.makeLogger()
        let registry = try tracking.loadRegistry()
        let store = try tracking.loadConfiguration()
        var configuration: NightlyRunConfiguration
        do {
            configuration = try makeConfiguration(registry: registry, store: store, logger: logger)
        } catch {
            printError("shiptrack: \(error)")
            throw ExitCode(2)
        }
        let limits = configuration.sources.limits
        let allLimits = configuration.sources.allLimits
        configuration.sources = try tracking.sourceConfiguration(registry: registry, configuration: store)
        configuration.sources.limits.merge(limits) { _, commandLine in commandLine }
        configuration.sources.allLimits = allLimits
        let summary: RunSummary
        do {
            summary = try await NightlyRun(configuration: configuration).execute()
        } catch {
            printError("shiptrack: \(error)")
            switch error {
            case .locked(.held): throw ExitCode(4)
            case .locked(.cannotOpen), .locked(.hardLinked): throw ExitCode(3)
            case .input: throw ExitCode(2)
            case .database, .report, .http: throw ExitCode(3)
            case .sources: throw ExitStatus.unauthorized.exitCode
            }
        }
        if logging.quiet {
            // Cron mails whatever a job prints: nothing on a quiet night, a few lines when a person is needed.
            if let text = summary.quietText { print(text) }
        } else {
            print(summary.humanText)
            if let plan = summary.plan, dryRun || !plan.isComplete { print(plan.text) }
            if let html = summary.reportHTML { print("report: \(html)") }
        }
        switch summary.ended {
        case .refused: throw ExitCode(2)
        case .finished where summary.uncheckedCount > 0: throw ExitCode(1)
        default: break
        }
    }

    private func makeConfiguration(registry: CarrierRegistry, store: StoreConfiguration, logger: Logger) throws
        -> NightlyRunConfiguration
    {
        let files = StoreFiles(configuration: store)
        let policy = try files.policy(option: self.policy)
        let parser = time.parser(policy: policy, configured: store.orders.dateOrder)
        var input = InputOptions(countries: .builtIn, timestamps: parser)
        input.format = (inputFormat ?? store.orders.format).flatMap(InputFormat.init(name:))
        // The configuration's columns, with the command line's on top.
        var mapping: [String: String]
        do { mapping = try InputOptions.parseColumnMapping(store.orders.columns.map { "\($0.key)=\($0.value)" }) } catch {
            throw ConfigurationError(file: store.file ?? "configuration", key: "orders.columns", message: "\(error)")
        }
        for (canonical, header) in try InputOptions.parseColumnMapping(column) { mapping[canonical] = header }
        input.columnMapping = mapping
        var configuration = NightlyRunConfiguration(
            inputPath: orders, input: input,
            databasePath: files.databasePath(option: db), reportDirectory: files.reportDirectory(option: reportDir),
            registry: registry, logger: logger)
        configuration.asOf = try parser.parse(optional: asOf, field: "--as-of")
        configuration.deadline = deadline.flatMap(Self.parseDuration)
        configuration.refreshAll = refreshAll
        configuration.policy = policy
        configuration.requestTimeout = .milliseconds(Int(tracking.timeout * 1_000))
        configuration.showProgress = !noProgress && !logging.quiet
        configuration.dryRun = dryRun
        configuration.storeName = store.storeName ?? configuration.storeName
        if let path = store.reports.templates {
            configuration.templates = try MessageTemplates.load(contentsOf: URL(fileURLWithPath: StoreConfiguration.expandingTilde(path)))
        }
        configuration.csvRows = (csvRows ?? store.reports.csvRows) == "flag" ? .flagRows : .orderRows
        if let days = store.reports.keepDays { configuration.keepReportDays = days }
        configuration.groupReadable = store.reports.groupReadable ?? false
        for (source, limits) in store.sources.limits {
            if let night = limits.unitsPerNight { configuration.unitsPerNight[source] = night }
        }
        var fetch = FetchPolicy()
        fetch.maxAttempts = maxAttempts
        configuration.fetchPolicy = fetch
        var all = SourceLimits()
        for item in concurrency {
            let (sources, value) = try Self.perSource(item, option: "--concurrency", registry: registry)
            guard let count = Int(value), count >= 1, count <= 1_024 else {
                throw ValidationError("--concurrency \"\(item)\": a whole number from 1 to 1024")
            }
            if let sources {
                for source in sources { configuration.sources.limits[source, default: SourceLimits()].concurrency = count }
            } else {
                all.concurrency = count
            }
        }
        for item in rate {
            let (sources, value) = try Self.perSource(item, option: "--rate", registry: registry)
            guard let perSecond = Double(value), perSecond.isFinite, perSecond == 0 || (0.001...100_000).contains(perSecond)
            else {
                throw ValidationError("--rate \"\(item)\": requests per second from 0.001 to 100000, or 0 for no limit")
            }
            if let sources {
                for source in sources { configuration.sources.limits[source, default: SourceLimits()].requestsPerSecond = perSecond }
            } else {
                all.requestsPerSecond = perSecond
            }
        }
        if all.concurrency != nil || all.requestsPerSecond != nil { configuration.sources.allLimits = all }
        return configuration
    }

    /// `value`, or `source=value` (a carrier's name stands for each source serving it).
    static func perSource(_ item: String, option: String, registry: CarrierRegistry) throws -> ([SourceID]?, String) {
        guard let equals = item.firstIndex(of: "=") else { return (nil, item) }
        let name = String(item[..<equals])
        let value = String(item[item.index(after: equals)...])
        if registry.sources[SourceID(name)] != nil { return ([SourceID(name)], value) }
        if registry.carriers[CarrierID(name)] != nil {
            return (registry.sources.values.filter { $0.definition.serves[CarrierID(name)] != nil }.map(\.id), value)
        }
        throw ValidationError("\(option) \"\(item)\": no source or carrier named \(name)")
    }

    /// `90m`, `2h`, `1h30m`, `45s`, or plain seconds.
    static func parseDuration(_ text: String) -> Duration? {
        // Bounded so no value can overflow the conversion to milliseconds: a week is more than any night needs.
        let longest = 7.0 * 86_400
        if let seconds = Double(text), seconds.isFinite, seconds > 0, seconds <= longest {
            return .milliseconds(Int(seconds * 1_000))
        }
        var total = 0.0
        var number = ""
        for character in text.lowercased() {
            if character.isNumber || character == "." {
                number.append(character)
            } else {
                guard let value = Double(number) else { return nil }
                switch character {
                case "h": total += value * 3_600
                case "m": total += value * 60
                case "s": total += value
                default: return nil
                }
                number = ""
            }
        }
        guard number.isEmpty, total > 0, total.isFinite, total <= longest else { return nil }
        return .milliseconds(Int(total * 1_000))
    }
}
