import ArgumentParser
import Foundation
import Logging
import ShipTrackCarriers
import ShipTrackEstimate
import ShipTrackHTTP
import ShipTrackModel

/// `shiptrack-bench concurrency-split`: shares N transfers among the carriers' lanes for an order file.
///
/// `shiptrack run --concurrency` limits each carrier's lane, and every request waits in the lane of the carrier it
/// asks (the USPS leg of an ePacket to the US in USPS's), so `--concurrency 32` would allow 32 transfers per
/// carrier, 96 in all. The targets speak of 32 in flight (ideal 32 / 50 ms = 640 requests/s), so the benchmark
/// gives each lane a share of 32 in proportion to the requests it will carry, the split that lets the lanes
/// finish together.
struct ConcurrencySplitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "concurrency-split",
        abstract: "Print how to share N transfers among an order file's carrier lanes (lane.CARRIER=N fields).",
        discussion: """
            Also prints the file's shipments with a tracking number and the requests they need (one per leg), and \\
            lane_bound: the best the split allows relative to one shared pool of N (the busiest lane's requests \\
            per slot against the average).
            """
    )

    @Option(help: "The folder of carrier definitions (Carriers/).")
    var carriers = "Carriers"

    @Option(help: "Transfers in flight in all.")
    var total = 32

    @Argument(help: "The orders CSV (canonical columns, as carrier-sim make-orders writes it).")
    var orders: String

    func run() throws {
        let registry = try BenchCarriers.registry(directory: carriers)
        let tracker = Tracker(
            registry: registry, fetcher: RefusingFetcher(), logger: Logger(label: "bench") { _ in SwiftLogNoOpLogHandler() })
        var requests: [CarrierID: Int] = [:]
        var shipments = 0
        let text = try String(contentsOfFile: orders, encoding: .utf8)
        for line in text.split(separator: "\n").dropFirst() {
            // order_id,tracking_number,carrier,destination,... (no quoted fields without bad rows)
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
            guard fields.count >= 4 else { continue }
            let destination = try? CountryTable.builtIn.resolve(String(fields[3])).alpha2
            for number in fields[1].split(separator: ";") {
                let named = fields[2].isEmpty ? nil : CarrierID(String(fields[2]))
                guard let (_, engine) = try? tracker.resolveCarrier(for: String(number), named: named) else { continue }
                shipments += 1
                requests[engine.id, default: 0] += 1
                // The legs the tracker asks at the same time, each in its own carrier's lane.
                for leg in engine.definition.followOnLegs ?? [] {
                    let applies = destination.map { code in leg.destinations.contains { $0.uppercased() == code } }
                        ?? (leg.askWhenDestinationUnknown ?? false)
                    if applies { requests[leg.carrier, default: 0] += 1 }
                }
            }
        }
        let lanes = Self.split(total: total, requests: requests)
        let all = requests.values.reduce(0, +)
        let busiest = lanes.map { Double(requests[$0.key] ?? 0) / Double($0.value) }.max() ?? 1
        let bound = Double(all) / Double(total) / busiest
        var fields = lanes.sorted { $0.key < $1.key }.map { "lane.\($0.key)=\($0.value)" }
        fields += [
            "total=\(total)", "shipments=\(shipments)", "requests=\(all)", "lane_bound=\(String(format: "%.4f", bound))",
        ]
        print((["split"] + fields).joined(separator: " "))
    }

    /// One slot for each lane with requests, then each further slot to the lane with the most requests per slot.
    static func split(total: Int, requests: [CarrierID: Int]) -> [CarrierID: Int] {
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

/// Identification needs a tracker, and a tracker a fetcher; this one is never asked.
private struct RefusingFetcher: PageFetching {
    func fetch(_ request: HTTPRequest) async throws -> HTTPResponse { throw BenchError("no fetching here") }
}
