import ArgumentParser
import Foundation
import ShipTrackCarriers
import ShipTrackHTTP
import ShipTrackModel

/// `shiptrack sources`: the tracking sources, who they serve, whether their credentials are set, their quota and
/// the order of preference; `shiptrack sources check` proves each configured credential with one cheap call.
struct SourcesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sources",
        abstract: "List the tracking sources: carriers served, credentials, quota, order of preference.",
        discussion: """
            A source whose credentials are not set is listed as not configured; that is not an error. With \
            --check-definitions DIR every *.json file in DIR is compiled and the first problem is reported with \
            its file and key (exit status 2). See docs/sources.md for how to get each credential.
            """,
        subcommands: [SourcesCheckCommand.self])

    @Option(name: .long, help: "Check the source definitions in this folder instead of listing.", completion: .directory)
    var checkDefinitions: String?

    @Flag(name: .long, help: "Also ask each configured source for its remaining quota (one request each, where the source has a quota call).")
    var quota = false

    @Flag(name: .long, help: "Print JSON.")
    var json = false

    @OptionGroup var tracking: TrackingOptions
    @OptionGroup var logging: LoggingOptions

    struct Listing: Encodable {
        let id: String
        let name: String
        let kind: String
        let serves: [String]
        let configured: Bool
        let needs: [String]
        let batchSize: Int
        let limits: String
        let quota: String?

        enum CodingKeys: String, CodingKey {
            case id, name, kind, serves, configured, needs
            case batchSize = "batch_size"
            case limits, quota
        }
    }

    struct Output: Encodable {
        let sources: [Listing]
        let preferences: [String: [String]]
    }

    func run() async throws {
        if let checkDefinitions {
            do {
                let engines = try CarrierRegistry.loadSources(URL(fileURLWithPath: checkDefinitions, isDirectory: true))
                _ = try CarrierRegistry.load(carriersFrom: nil, sourcesFrom: URL(fileURLWithPath: checkDefinitions, isDirectory: true))
                print("\(engines.count) definition(s) OK")
            } catch {
                printError("shiptrack: \(error)")
                throw ExitStatus.invalidInput.exitCode
            }
            return
        }
        let logger = logging.makeLogger()
        let registry = try tracking.loadRegistry()
        let store = try tracking.loadConfiguration()
        let client = try tracking.httpClient(logger: logger, registry: registry)
        defer { client.shutdown() }
        let sources = try tracking.sourceSet(registry: registry, configuration: store, fetcher: client, ledger: nil, logger: logger)
        var listings: [Listing] = []
        for id in registry.sourceIDs {
            guard let engine = registry.sources[id] else { continue }
            let limits = engine.definition.limits ?? SourceLimits()
            var limitText: [String] = []
            if let size = limits.batchSize, size > 1 { limitText.append("\(size) numbers per call") }
            if let rate = limits.requestsPerSecond { limitText.append("\(rate.formatted()) requests/s") }
            if let hour = limits.callsPerHour, hour > 0 { limitText.append("\(hour) calls/hour") }
            if let units = limits.unitsPerMonth { limitText.append("\(units) units/month") }
            var quotaText: String?
            if quota, let configured = sources.clients[id] {
                do {
                    if let reading = try await configured.remainingQuota() {
                        quotaText = "\(reading.remaining) left" + (reading.total.map { " of \($0)" } ?? "")
                    }
                } catch {
                    quotaText = "unknown: \(sources.secrets.redact(error.detail))"
                }
            }
            let needs: [String] = if case .noCredentials(let names) = sources.unavailable[id] { names } else { [] }
            listings.append(
                Listing(
                    id: id.rawValue, name: engine.definition.name, kind: engine.definition.kind.rawValue,
                    serves: engine.definition.serves.keys.sorted().map(\.rawValue), configured: sources.clients[id] != nil,
                    needs: needs, batchSize: engine.batchSize, limits: limitText.joined(separator: ", "), quota: quotaText))
        }
        var preferences: [String: [String]] = [:]
        for (carrier, order) in sources.preferences { preferences[carrier.rawValue] = order.map(\.rawValue) }
        if json {
            print(try LookupJSON.encode(Output(sources: listings, preferences: preferences)))
            return
        }
        for listing in listings {
            let state = listing.configured ? "configured" : "not configured (set \(listing.needs.joined(separator: ", ")))"
            var line = "\(listing.id)  \(listing.name)  [\(listing.kind)]  serves \(listing.serves.joined(separator: ", "))  \(state)"
            if !listing.limits.isEmpty { line += "  \(listing.limits)" }
            if let quota = listing.quota { line += "  quota: \(quota)" }
            print(line)
        }
        print("")
        print("order of preference (the first configured source answers; blocked, unauthorized or out of quota hands over to the next):")
        for carrier in preferences.keys.sorted() {
            let chain = preferences[carrier, default: []].map { id in
                sources.clients[SourceID(id)] == nil ? "(\(id))" : id
            }
            print("  \(carrier): \(chain.joined(separator: " > "))")
        }
    }
}

/// `shiptrack sources check`: one cheap call per configured source (a token request, or the quota call) to prove
/// its credentials before a night depends on them.
struct SourcesCheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Prove each configured source's credentials with one cheap call.",
        discussion: "Exit status 0 when every configured source accepted its credentials, 7 otherwise.")

    @OptionGroup var tracking: TrackingOptions
    @OptionGroup var logging: LoggingOptions

    func run() async throws {
        let logger = logging.makeLogger()
        let registry = try tracking.loadRegistry()
        let store = try tracking.loadConfiguration()
        let client = try tracking.httpClient(logger: logger, registry: registry)
        defer { client.shutdown() }
        let sources = try tracking.sourceSet(registry: registry, configuration: store, fetcher: client, ledger: nil, logger: logger)
        var failed = false
        for id in registry.sourceIDs {
            guard let source = sources.clients[id] else {
                if case .noCredentials(let names) = sources.unavailable[id] {
                    print("\(id): not configured (set \(names.joined(separator: ", ")))")
                }
                continue
            }
            guard !source.engine.requiredSecrets.isEmpty else {
                print("\(id): needs no credentials")
                continue
            }
            do {
                let said = try await source.checkCredentials()
                print("\(id): OK (\(said))")
            } catch {
                failed = true
                print("\(id): FAILED: \(sources.secrets.redact(error.detail))\(error.advice.map { ". \($0)" } ?? "")")
            }
        }
        if failed { throw ExitStatus.unauthorized.exitCode }
    }
}
