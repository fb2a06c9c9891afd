import ArgumentParser
import Foundation
import Logging
import ShipTrackCarriers
import ShipTrackConfiguration
import ShipTrackHTTP
import ShipTrackModel

/// Options shared by every command that reads definitions, the store's configuration or asks tracking sources.
struct TrackingOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "The store's configuration file.",
            discussion: "Defaults to $\(StoreConfiguration.environmentVariable), else ~/.config/shiptrack/config.json when it exists."),
        completion: .file())
    var config: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "A folder of carrier definitions (*.json) replacing or adding to the built-in ones.",
            discussion: "Defaults to $\(CarrierRegistry.directoryEnvironmentVariable) when set."),
        completion: .directory)
    var carriers: String?

    @Option(
        name: .customLong("sources"),
        help: ArgumentHelp(
            "A folder of tracking source definitions (*.json) replacing or adding to the built-in ones.",
            discussion: "Defaults to $\(CarrierRegistry.sourcesEnvironmentVariable) when set."),
        completion: .directory)
    var sourceDefinitions: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "The credentials file (NAME=value lines, readable by its owner only).",
            discussion: "Defaults to $SHIPTRACK_CREDENTIALS, the configuration's sources.credentials_file, else ~/.config/shiptrack/credentials when it exists. Environment variables of the same names win."),
        completion: .file())
    var credentials: String?

    @Option(
        name: .customLong("base-url"),
        help: ArgumentHelp(
            "Send requests to URL instead of the sources' sites: URL for all, or source=URL; comma-separated.",
            discussion: "Defaults to $SHIPTRACK_BASE_URL when set (the simulator, a proxy)."))
    var baseURL: String?

    @Option(name: .long, help: "Seconds a whole request may take.")
    var timeout: Double = 30

    func validate() throws {
        guard timeout > 0, timeout <= 600 else { throw ValidationError("--timeout must be between 0 and 600 seconds") }
        if let text = baseURL ?? ProcessInfo.processInfo.environment["SHIPTRACK_BASE_URL"] {
            do { _ = try BaseURLs(parsing: text) } catch { throw ValidationError(error.description) }
        }
    }

    /// The built-in definitions plus any from the folders named; a bad definition is reported on stderr and ends
    /// the command with the invalid-input status.
    func loadRegistry() throws -> CarrierRegistry {
        do { return try registry() } catch {
            printError("shiptrack: \(error)")
            throw ExitStatus.invalidInput.exitCode
        }
    }

    /// The built-in definitions plus any from the folders named.
    func registry() throws(CarrierDefinitionError) -> CarrierRegistry {
        let environment = ProcessInfo.processInfo.environment
        let carrierFolder = carriers ?? environment[CarrierRegistry.directoryEnvironmentVariable]
        let sourceFolder = sourceDefinitions ?? environment[CarrierRegistry.sourcesEnvironmentVariable]
        return try CarrierRegistry.load(
            carriersFrom: carrierFolder.map { URL(fileURLWithPath: $0, isDirectory: true) },
            sourcesFrom: sourceFolder.map { URL(fileURLWithPath: $0, isDirectory: true) })
    }

    /// The store's configuration; a bad file ends the command with the invalid-input status.
    func loadConfiguration() throws -> StoreConfiguration {
        do { return try StoreConfiguration.load(path: config) } catch {
            printError("shiptrack: \(error)")
            throw ExitStatus.invalidInput.exitCode
        }
    }

    /// The base URLs: the option, else the environment, else the configuration.
    func baseURLs(configuration: StoreConfiguration) throws -> BaseURLs {
        guard let text = baseURL ?? ProcessInfo.processInfo.environment["SHIPTRACK_BASE_URL"] ?? configuration.sources.baseURL
        else { return BaseURLs() }
        return try BaseURLs(parsing: text)
    }

    /// The credentials file in force and whether it was named (then it must exist).
    func credentialsFile(configuration: StoreConfiguration) -> (URL, required: Bool) {
        let environment = ProcessInfo.processInfo.environment
        if let credentials { return (URL(fileURLWithPath: StoreConfiguration.expandingTilde(credentials)), true) }
        if let path = environment["SHIPTRACK_CREDENTIALS"], !path.isEmpty {
            return (URL(fileURLWithPath: StoreConfiguration.expandingTilde(path)), true)
        }
        if let path = configuration.sources.credentialsFile {
            return (URL(fileURLWithPath: StoreConfiguration.expandingTilde(path)), true)
        }
        return (SecretStore.defaultFile(), false)
    }

    /// The secrets every known source may need, from the environment and the credentials file.
    func secrets(registry: CarrierRegistry, configuration: StoreConfiguration) throws(CredentialsError) -> SecretStore {
        let (file, required) = credentialsFile(configuration: configuration)
        return try SecretStore.load(
            names: SourceSet.secretNames(in: registry), environment: ProcessInfo.processInfo.environment, file: file,
            required: required)
    }

    /// How the sources are set up, from the configuration, the credentials and the command line; a setup mistake
    /// (a bad credentials file) is one line on stderr and the credentials status.
    func sourceConfiguration(registry: CarrierRegistry, configuration: StoreConfiguration) throws -> SourceSet.Configuration {
        var setup = SourceSet.Configuration()
        do {
            setup.secrets = try secrets(registry: registry, configuration: configuration)
        } catch {
            printError("shiptrack: \(error)")
            throw ExitStatus.unauthorized.exitCode
        }
        do { setup.baseURLs = try baseURLs(configuration: configuration) } catch {
            printError("shiptrack: \(error)")
            throw ExitStatus.usage.exitCode
        }
        setup.preferences = configuration.sources.preferences
        for (source, limits) in configuration.sources.limits {
            setup.limits[source] = SourceLimits(
                concurrency: limits.concurrency, requestsPerSecond: limits.requestsPerSecond,
                callsPerHour: limits.callsPerHour, unitsPerMonth: limits.unitsPerMonth)
        }
        if let wait = configuration.sources.longestRetryWait { setup.longestPause = wait }
        setup.tokenCacheFolder = SourceSet.defaultTokenCacheFolder
        return setup
    }

    /// The sources ready to ask. A setup mistake (a half-configured source, a bad credentials file) is one line on
    /// stderr and the credentials status.
    func sourceSet(
        registry: CarrierRegistry, configuration: StoreConfiguration, fetcher: any PageFetching,
        ledger: (any RegistrationLedger)?, logger: Logger
    ) throws -> SourceSet {
        var setup = try sourceConfiguration(registry: registry, configuration: configuration)
        setup.ledger = ledger
        do {
            return try SourceSet(registry: registry, configuration: setup, fetcher: fetcher, logger: logger)
        } catch {
            printError("shiptrack: \(error)")
            throw ExitStatus.unauthorized.exitCode
        }
    }

    func httpClient(logger: Logger, registry: CarrierRegistry? = nil) throws -> HTTPClient {
        var configuration = HTTPClient.Configuration()
        // The client's cap is the largest answer any source accepts; each source checks its own below it.
        if let registry { configuration.maxBodyBytes = max(configuration.maxBodyBytes, registry.sources.values.map(\.maxBytes).max() ?? 0) }
        configuration.totalTimeout = .milliseconds(Int(timeout * 1_000))
        configuration.connectTimeout = .milliseconds(Int(min(timeout, 10) * 1_000))
        return try HTTPClient(configuration: configuration, logger: logger)
    }
}
