public import Foundation
public import Logging
public import ShipTrackModel

/// The tracking sources a process can use: every source whose credentials are configured, ready to ask, and the
/// store's order of preference per carrier.
///
/// A source with none of its secrets configured is simply not available (saying so is not an error); one with only
/// some of them is a configuration mistake, reported at once naming the variable and the source, before any request.
public final class SourceSet: Sendable {
    /// How a process sets its sources up.
    public struct Configuration: Sendable {
        /// Credentials by variable name.
        public var secrets: SecretStore = .empty
        /// Where to send requests instead of the sources' real sites.
        public var baseURLs = BaseURLs()
        /// The store's order of sources per carrier; carriers not listed use their definition's order.
        public var preferences: [CarrierID: [SourceID]] = [:]
        /// Limits replacing a source's own (the store's contract, or the simulator's speed).
        public var limits: [SourceID: SourceLimits] = [:]
        /// Limits for every source, applied over its own (the command line's `--concurrency N`).
        public var allLimits: SourceLimits?
        /// The longest `Retry-After` this process waits out; a longer one ends those requests as "not checked".
        public var longestPause: Duration = .seconds(300)
        /// Where access tokens are cached between runs; `nil` keeps them in memory only.
        public var tokenCacheFolder: URL?
        /// Which numbers are registered with which source.
        public var ledger: (any RegistrationLedger)?

        public init() {}
    }

    /// Why a source cannot be used.
    public enum Unavailability: Sendable, Hashable {
        /// None of its secrets is configured.
        case noCredentials(needs: [String])
    }

    /// The compiled definitions.
    public let registry: CarrierRegistry
    /// The sources ready to ask.
    public let clients: [SourceID: SourceClient]
    /// The sources that are not, and why.
    public let unavailable: [SourceID: Unavailability]
    /// The order of preference per carrier (the store's, else the definition's).
    public let preferences: [CarrierID: [SourceID]]
    /// The configuration the set was made with.
    public let secrets: SecretStore

    public init(
        registry: CarrierRegistry, configuration: Configuration, fetcher: any PageFetching, logger: Logger
    ) throws(SourceSetupError) {
        var clients: [SourceID: SourceClient] = [:]
        var unavailable: [SourceID: Unavailability] = [:]
        for (id, engine) in registry.sources {
            let needed = engine.requiredSecrets
            let missing = needed.filter { !configuration.secrets.has($0) }
            if !needed.isEmpty, missing.count == needed.count {
                unavailable[id] = .noCredentials(needs: needed)
                continue
            }
            if let first = missing.first {
                let have = needed.filter { configuration.secrets.has($0) }
                throw SourceSetupError(
                    source: id,
                    message: "\(first) is not set, but \(have.joined(separator: ", ")) \(have.count == 1 ? "is" : "are"): set \(missing.joined(separator: " and ")) (environment or credentials file) or remove the others")
            }
            let limits = Self.limits(for: engine, configuration: configuration)
            let base = configuration.baseURLs.url(for: id) ?? engine.definition.baseURL
            let identity = base + "|" + needed.compactMap { configuration.secrets.value(of: $0) }.joined(separator: "|")
            clients[id] = SourceClient(
                engine: engine, baseURL: base, secrets: configuration.secrets, fetcher: fetcher, limits: limits,
                tokenCache: configuration.tokenCacheFolder.map { TokenCache(folder: $0, source: id, identity: identity) },
                ledger: configuration.ledger, logger: logger)
        }
        var preferences: [CarrierID: [SourceID]] = [:]
        for (carrier, definition) in registry.carriers {
            let order = configuration.preferences[carrier] ?? definition.sources
            for source in order {
                guard let engine = registry.sources[source] else {
                    throw SourceSetupError(source: source, message: "is not a known source (preference for \(carrier))")
                }
                guard engine.definition.serves[carrier] != nil else {
                    throw SourceSetupError(source: source, message: "does not serve \(carrier) (preference for \(carrier))")
                }
            }
            preferences[carrier] = order
        }
        for carrier in configuration.preferences.keys where registry.carriers[carrier] == nil {
            throw SourceSetupError(source: SourceID(""), message: "preference for an unknown carrier \(carrier)")
        }
        self.registry = registry
        self.clients = clients
        self.unavailable = unavailable
        self.preferences = preferences
        self.secrets = configuration.secrets
    }

    /// The available sources for `carrier`, most preferred first.
    public func chain(for carrier: CarrierID) -> [SourceClient] {
        (preferences[carrier] ?? []).compactMap { clients[$0] }
    }

    /// Every secret variable any known source reads.
    public static func secretNames(in registry: CarrierRegistry) -> Set<String> {
        Set(registry.sources.values.flatMap(\.requiredSecrets))
    }

    static func limits(for engine: SourceEngine, configuration: Configuration) -> SourceLane.Limits {
        let own = engine.definition.limits ?? SourceLimits()
        let store = configuration.limits[engine.id]
        let all = configuration.allLimits
        // A page meant for people gets polite defaults; an API its published ones.
        let politeConcurrency = engine.definition.kind == .page ? 4 : 8
        let politeRate: Double? = engine.definition.kind == .page ? 4 : nil
        return SourceLane.Limits(
            concurrency: store?.concurrency ?? all?.concurrency ?? own.concurrency ?? politeConcurrency,
            requestsPerSecond: store?.requestsPerSecond ?? all?.requestsPerSecond ?? own.requestsPerSecond ?? politeRate,
            callsPerHour: store?.callsPerHour ?? own.callsPerHour,
            longestPause: configuration.longestPause)
    }
}

/// Sources configured in a way that cannot work, naming the source and what to do.
public struct SourceSetupError: Error, Sendable, CustomStringConvertible {
    public let source: SourceID
    public let message: String

    public var description: String { source.rawValue.isEmpty ? message : "source \(source): \(message)" }
}

extension SourceSet {
    /// `$XDG_CACHE_HOME/shiptrack/tokens`, else `~/.cache/shiptrack/tokens`: one owner-only file per source.
    public static var defaultTokenCacheFolder: URL { TokenCache.defaultFolder() }
}

extension SourceSet {
    /// The transfers a source may have in flight under `configuration`, for sizing a batch's window.
    public static func laneConcurrency(for engine: SourceEngine, configuration: Configuration) -> Int {
        limits(for: engine, configuration: configuration).concurrency
    }
}
