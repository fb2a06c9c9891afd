import CarrierSimulator
import Foundation
import Logging
import ShipTrackCarriers
import ShipTrackHTTP
import ShipTrackModel
import ShipTrackTestSupport

/// The real sources over libcurl against an in-process simulator playing the APIs: a tracker with the simulator's
/// test credentials (or the ones given), every source's requests sent to the simulator.
final class LiveSources: Sendable {
    let simulator: CarrierSimulator
    let client: HTTPClient
    let sources: SourceSet
    let tracker: Tracker
    let logs: LogCapture

    /// Every credential the simulator accepts.
    static let allCredentials: [String: String] = [
        "USPS_CLIENT_ID": CarrierSimulator.testCredentials.uspsClientID,
        "USPS_CLIENT_SECRET": CarrierSimulator.testCredentials.uspsClientSecret,
        "TRACK17_API_KEY": CarrierSimulator.testCredentials.track17APIKey,
        "EMS_EUB_TOKEN": CarrierSimulator.testCredentials.emsToken,
    ]

    static let uspsOnly = allCredentials.filter { $0.key.hasPrefix("USPS_") }

    /// Starts a simulator (generated parcels for `date`, the given options) and sources with `secrets`.
    init(
        secrets: [String: String], options: CarrierSimulator.Options = LiveSources.options(),
        preferences: [CarrierID: [SourceID]] = [:], limits: SourceLimits = SourceLimits(concurrency: 8, requestsPerSecond: 0),
        ledger: (any RegistrationLedger)? = InMemoryRegistrationLedger(), tokenCache: URL? = nil, port: Int = 0,
        sourceLimits: [SourceID: SourceLimits] = [:]
    ) async throws {
        logs = LogCapture()
        let logs = logs
        let logger = Logger(label: "live") { _ in logs.handler() }
        simulator = try CarrierSimulator(
            fixtures: RepositoryPaths.fixtures, options: options, logger: Logger(label: "sim") { _ in SwiftLogNoOpLogHandler() })
        _ = try await simulator.start(port: port)
        var http = HTTPClient.Configuration()
        http.totalTimeout = .seconds(10)
        client = try HTTPClient(configuration: http, logger: logger)
        var configuration = SourceSet.Configuration()
        configuration.secrets = SecretStore(values: secrets)
        configuration.baseURLs = BaseURLs(all: simulator.baseURL)
        configuration.preferences = preferences
        configuration.allLimits = limits
        configuration.limits = sourceLimits
        configuration.ledger = ledger
        configuration.longestPause = .seconds(5)
        configuration.tokenCacheFolder = tokenCache
        sources = try SourceSet(registry: try CarrierRegistry.builtIn(), configuration: configuration, fetcher: client, logger: logger)
        tracker = Tracker(sources: sources, logger: logger)
    }

    /// The simulator's options for tests: generated parcels on 2026-11-20, no registration delay, quotas and rates
    /// off unless asked for.
    static func options(_ change: (inout CarrierSimulator.Options) -> Void = { _ in }) -> CarrierSimulator.Options {
        var options = CarrierSimulator.Options()
        options.generatedPages = .init(simulatedDate: day)
        options.uspsAPI = .init(callsPerWindow: nil)
        options.track17 = .init(requestsPerSecond: nil, registrationDelay: .zero)
        change(&options)
        return options
    }

    static let day = CalendarDay("2026-11-20")!

    /// Tracks every number at once, as the nightly run does; each one's result or error, in order.
    func trackAll(_ numbers: [String], destination: String? = nil) async -> [Result<TrackingResult, TrackingError>] {
        await withTaskGroup(of: (Int, Result<TrackingResult, TrackingError>).self) { group in
            for (index, number) in numbers.enumerated() {
                group.addTask { [tracker] in
                    do throws(TrackingError) {
                        return (index, .success(try await tracker.track(number, destination: destination)))
                    } catch {
                        return (index, .failure(error))
                    }
                }
            }
            var results = [Result<TrackingResult, TrackingError>?](repeating: nil, count: numbers.count)
            for await (index, result) in group { results[index] = result }
            return results.map { $0! }
        }
    }

    func stop() async {
        try? await simulator.stop()
    }
}

