import ArgumentParser
import Foundation
import Logging
import ShipTrackCarriers
import ShipTrackHTTP
import ShipTrackModel

/// `shiptrack-bench fetch`: requests per second through `HTTPClient` (one libcurl multi handle) against a running
/// simulator, with a fixed number of requests in flight.
struct FetchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fetch",
        abstract: "Keep N requests in flight through HTTPClient for a while and print requests per second."
    )

    @Option(help: "The folder of carrier definitions (Carriers/).")
    var carriers = "Carriers"

    @Option(help: "The folder written by make-pages: its numbers are asked for, round robin over every carrier.")
    var pages: String

    @Option(name: .customLong("base-url"), help: "The simulator, http://127.0.0.1:PORT.")
    var baseURL: String

    @Option(help: "Requests in flight at once.")
    var concurrency = 8

    @Option(help: "How long to measure, after a short warm-up.")
    var seconds = 2.0

    func run() async throws {
        let engines = try BenchCarriers.load(directory: carriers)
        var requests: [HTTPRequest] = []
        for carrier in BenchCarriers.identifiers {
            guard let engine = engines[carrier] else { continue }
            let set = PageSet(directory: URL(fileURLWithPath: pages, isDirectory: true).appendingPathComponent(carrier.rawValue))
            requests += try set.numbers().map { engine.request(for: $0, baseURL: baseURL) }
        }
        guard !requests.isEmpty else { throw ValidationError("no numbers under \(pages)") }
        // Interleave carriers so every moment asks a mix of page sizes, as the batch does.
        requests = Self.interleaved(requests, groups: BenchCarriers.identifiers.count)

        var configuration = HTTPClient.Configuration()
        // The client must not be the cap being measured: let every worker have its own connection.
        configuration.maxConnectionsPerHost = concurrency
        configuration.maxTotalConnections = max(16, concurrency)
        let client = try HTTPClient(configuration: configuration, logger: Logger(label: "bench") { _ in SwiftLogNoOpLogHandler() })
        defer { client.shutdown() }

        // Warm-up: open every connection and touch every code path once before the clock starts.
        _ = try await load(client: client, requests: requests, until: ProcessClock.wallSeconds + 0.3)

        let cpuStart = ProcessClock.cpuSeconds
        let start = ProcessClock.wallSeconds
        let totals = try await load(client: client, requests: requests, until: start + seconds)
        let elapsed = ProcessClock.wallSeconds - start
        let cpu = ProcessClock.cpuSeconds - cpuStart
        print(
            "requests=\(totals.requests) errors=\(totals.errors) bytes=\(totals.bytes) "
                + "seconds=\(MeasurementRecord.value(elapsed)) cpu_seconds=\(MeasurementRecord.value(cpu)) "
                + "connections=\(client.statistics.connectionsOpened)")
    }

    struct Totals: Sendable {
        var requests = 0
        var errors = 0
        var bytes = 0
    }

    /// `concurrency` workers, each asking for its next request as soon as its last one ended, until `deadline`.
    /// Workers start spread over the request list, so they do not ask for the same page at the same moment.
    private func load(client: HTTPClient, requests: [HTTPRequest], until deadline: Double) async throws -> Totals {
        let spacing = max(1, requests.count / concurrency)
        return try await withThrowingTaskGroup(of: Totals.self) { group in
            for worker in 0..<concurrency {
                group.addTask {
                    var totals = Totals()
                    var index = worker * spacing
                    while ProcessClock.wallSeconds < deadline {
                        let request = requests[index % requests.count]
                        index += 1
                        do {
                            let response = try await client.execute(request)
                            totals.requests += 1
                            if response.statusCode == 200, !response.body.isEmpty {
                                totals.bytes += response.body.count
                            } else {
                                totals.errors += 1
                            }
                        } catch {
                            totals.requests += 1
                            totals.errors += 1
                        }
                    }
                    return totals
                }
            }
            var sum = Totals()
            for try await totals in group {
                sum.requests += totals.requests
                sum.errors += totals.errors
                sum.bytes += totals.bytes
            }
            return sum
        }
    }

    /// `items` is `groups` runs one after another; returns them dealt out like cards (a1 b1 c1 a2 b2 c2 ...).
    static func interleaved<T>(_ items: [T], groups: Int) -> [T] {
        let size = (items.count + groups - 1) / groups
        var result: [T] = []
        result.reserveCapacity(items.count)
        for offset in 0..<size {
            for group in 0..<groups where group * size + offset < items.count {
                result.append(items[group * size + offset])
            }
        }
        return result
    }
}
