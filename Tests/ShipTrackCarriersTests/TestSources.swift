import Foundation
import Logging
import ShipTrackCarriers
import ShipTrackHTTP
import ShipTrackModel

/// Trackers over canned answers: the sources as a store without credentials has them (pages), or with the given
/// secrets (APIs), every request answered by `CannedFetcher`.
enum TestSources {
    static let registry = try! CarrierRegistry.builtIn()
    static let logger = Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }

    static func tracker(
        _ answers: [String: HTTPResponse], secrets: [String: String] = [:], preferences: [CarrierID: [SourceID]] = [:],
        ledger: (any RegistrationLedger)? = InMemoryRegistrationLedger()
    ) throws -> Tracker {
        Tracker(sources: try sourceSet(CannedFetcher(answers: answers), secrets: secrets, preferences: preferences, ledger: ledger), logger: logger)
    }

    static func sourceSet(
        _ fetcher: any PageFetching, secrets: [String: String] = [:], preferences: [CarrierID: [SourceID]] = [:],
        ledger: (any RegistrationLedger)? = InMemoryRegistrationLedger()
    ) throws -> SourceSet {
        var configuration = SourceSet.Configuration()
        configuration.secrets = SecretStore(values: secrets)
        configuration.preferences = preferences
        configuration.ledger = ledger
        return try SourceSet(registry: registry, configuration: configuration, fetcher: fetcher, logger: logger)
    }
}
