import ArgumentParser
import CarrierSimulator
import Foundation
import Logging
import ShipTrackCarriers
import ShipTrackEstimate
import ShipTrackHTTP
import ShipTrackModel

/// `shiptrack-bench concurrency-split`: which sources a night asks, how many requests each carries, and how to
/// share N transfers among them.
///
/// `shiptrack run --concurrency SOURCE=N` limits each source's lane, and every request waits in the lane of the
/// source it asks (the USPS leg of an ePacket to the US in the USPS source's), so `--concurrency 32` would allow 32
/// transfers per source. The targets speak of 32 in flight (ideal 32 / 50 ms = 640 requests/s), so the benchmark
/// gives each lane a share of 32 in proportion to the requests it will carry, the split that lets the lanes finish
/// together.
struct ConcurrencySplitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "concurrency-split",
        abstract: "Print the requests of an order file's night per source, and how to share N transfers among them.",
        discussion: """
            Prints lane.SOURCE=N fields, the file's shipments with a tracking number, the requests they need \\
            (requests.SOURCE: one per leg on a page or the EMS interface, one per full batch on the USPS API and \\
            17TRACK, registrations included) and lane_bound: the best the split allows relative to one shared pool \\
            of N (the busiest lane's requests per slot against the average).
            """
    )

    @Option(help: "The folder of carrier definitions (Carriers/).")
    var carriers = "Carriers"

    @Option(help: "The folder of tracking source definitions (TrackingSources/).")
    var sources = "TrackingSources"

    @Option(help: "Transfers in flight in all.")
    var total = 32

    @Flag(help: "With carrier-sim's test credentials (the night through the APIs); without, pages only.")
    var credentials = false

    @Argument(help: "The orders CSV (canonical columns, as carrier-sim make-orders writes it).")
    var orders: String

    func run() throws {
        let registry = try BenchSources.registry(carriers: carriers, sources: sources)
        let logger = Logger(label: "bench") { _ in SwiftLogNoOpLogHandler() }
        var configuration = SourceSet.Configuration()
        if credentials {
            configuration.secrets = SecretStore(
                values: Dictionary(uniqueKeysWithValues: CarrierSimulator.testCredentials.environment.map { ($0.name, $0.value) }))
        }
        let set = try SourceSet(registry: registry, configuration: configuration, fetcher: RefusingFetcher(), logger: logger)
        let tracker = Tracker(sources: set, logger: logger)
        var numbers: [SourceID: Int] = [:]
        var shipments = 0
        let text = try String(contentsOfFile: orders, encoding: .utf8)
        for line in text.split(separator: "\n").dropFirst() {
            // order_id,tracking_number,carrier,destination,... (no quoted fields without bad rows)
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
            guard fields.count >= 4 else { continue }
            let destination = try? CountryTable.builtIn.resolve(String(fields[3])).alpha2
            for number in fields[1].split(separator: ";") {
                let named = fields[2].isEmpty ? nil : CarrierID(String(fields[2]))
                guard let (_, carrier) = try? tracker.resolveCarrier(for: String(number), named: named) else { continue }
                shipments += 1
                // With the destination known the tracker asks every leg at once, each from its carrier's first source.
                var legs = [carrier.id]
                if let destination {
                    legs += (carrier.followOnLegs ?? []).filter { $0.destinations.contains(destination) }.map(\.carrier)
                }
                for leg in legs {
                    if let source = set.chain(for: leg).first { numbers[source.id, default: 0] += 1 }
                }
            }
        }
        var requests: [SourceID: Int] = [:]
        for (source, count) in numbers {
            guard let client = set.clients[source] else { continue }
            let batch = max(1, client.engine.batchSize)
            let perBatch = (count + batch - 1) / batch
            // A source that must be told about a number first registers it, in batches of the same size, on a first night.
            requests[source] = perBatch * (client.unitsPerRegistration == nil ? 1 : 2)
        }
        let lanes = Self.split(total: total, requests: requests)
        let all = requests.values.reduce(0, +)
        let busiest = lanes.map { Double(requests[$0.key] ?? 0) / Double($0.value) }.max() ?? 1
        let bound = Double(all) / Double(total) / busiest
        var fields = lanes.sorted { $0.key < $1.key }.map { "lane.\($0.key)=\($0.value)" }
        fields += requests.sorted { $0.key < $1.key }.map { "requests.\($0.key)=\($0.value)" }
        fields += [
            "total=\(total)", "shipments=\(shipments)", "requests=\(all)", "lane_bound=\(String(format: "%.4f", bound))",
            "credentials=\(credentials ? "test" : "none")",
        ]
        print((["split"] + fields).joined(separator: " "))
    }

    /// One slot for each lane with requests, then each further slot to the lane with the most requests per slot.
    static func split(total: Int, requests: [SourceID: Int]) -> [SourceID: Int] {
        var lanes = requests.filter { $0.value > 0 }.mapValues { _ in 1 }
        guard !lanes.isEmpty else { return [:] }
        for _ in lanes.count..<max(lanes.count, total) {
            let busiest = lanes.max { left, right in
                Double(requests[left.key]!) / Double(left.value) < Double(requests[right.key]!) / Double(right.value)
            }!.key
            lanes[busiest]! += 1
        }
        return lanes
    }
}

/// Identification needs a tracker, and a tracker sources with a fetcher; this one is never asked.
private struct RefusingFetcher: PageFetching {
    func fetch(_ request: HTTPRequest) async throws -> HTTPResponse { throw BenchError("no fetching here") }
}
