import ArgumentParser
import Foundation
import Logging
import ShipTrackCarriers
import ShipTrackHTTP
import ShipTrackModel

/// `shiptrack-bench fetch`: requests per second through `HTTPClient` (one libcurl multi handle) against a running
/// simulator, with a fixed number of requests in flight; with `--read`, each page is also read by its source's engine
/// as a night reads it (the Swift side of the comparison with the Python peer).
struct FetchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fetch",
        abstract: "Keep N requests in flight through HTTPClient for a while and print requests per second."
    )

    @Option(help: "The folder of carrier definitions (Carriers/).")
    var carriers = "Carriers"

    @Option(help: "The folder of tracking source definitions (TrackingSources/).")
    var sources = "TrackingSources"

    @Option(help: "The folder written by make-pages: its requests.txt is asked round robin.")
    var pages: String

    @Option(name: .customLong("base-url"), help: "The simulator, http://127.0.0.1:PORT.")
    var baseURL: String

    @Option(help: "Requests in flight at once.")
    var concurrency = 8

    @Option(help: "How long to measure, after a short warm-up.")
    var seconds = 2.0

    @Flag(help: "Read every page with its source's engine too, as a night does.")
    var read = false

    func run() async throws {
        let registry = try BenchSources.registry(carriers: carriers, sources: sources)
        let pageRequests = try PageRequest.load(folder: pages)
        guard !pageRequests.isEmpty else { throw ValidationError("no requests under \(pages)") }
        let work = try pageRequests.map { request in
            Work(
                request: HTTPRequest(url: baseURL + request.path), engine: try BenchSources.engine(request.source, in: registry),
                asked: [AskedNumber(number: request.number, carrier: request.carrier)])
        }

        var configuration = HTTPClient.Configuration()
        // The client must not be the cap being measured: let every worker have its own connection.
        configuration.maxConnectionsPerHost = concurrency
        configuration.maxTotalConnections = max(16, concurrency)
        let logger = Logger(label: "bench") { _ in SwiftLogNoOpLogHandler() }
        let client = try HTTPClient(configuration: configuration, logger: logger)
        defer { client.shutdown() }

        // Warm-up: open every connection and touch every code path once before the clock starts.
        _ = try await load(client: client, work: work, logger: logger, until: ProcessClock.wallSeconds + 0.3)

        let cpuStart = ProcessClock.cpuSeconds
        let start = ProcessClock.wallSeconds
        let totals = try await load(client: client, work: work, logger: logger, until: start + seconds)
        let elapsed = ProcessClock.wallSeconds - start
        let cpu = ProcessClock.cpuSeconds - cpuStart
        print(
            "requests=\(totals.requests) errors=\(totals.errors) bytes=\(totals.bytes) events=\(totals.events) "
                + "seconds=\(MeasurementRecord.value(elapsed)) cpu_seconds=\(MeasurementRecord.value(cpu)) "
                + "connections=\(client.statistics.connectionsOpened)")
    }

    /// One page to ask for, and how to read it.
    struct Work: Sendable {
        let request: HTTPRequest
        let engine: SourceEngine
        let asked: [AskedNumber]
    }

    struct Totals: Sendable {
        var requests = 0
        var errors = 0
        var bytes = 0
        var events = 0
    }

    /// `concurrency` workers, each asking for its next request as soon as its last one ended, until `deadline`.
    /// Workers start spread over the request list, so they do not ask for the same page at the same moment.
    private func load(client: HTTPClient, work: [Work], logger: Logger, until deadline: Double) async throws -> Totals {
        let spacing = max(1, work.count / concurrency)
        let read = read
        return try await withThrowingTaskGroup(of: Totals.self) { group in
            for worker in 0..<concurrency {
                group.addTask {
                    var totals = Totals()
                    var index = worker * spacing
                    while ProcessClock.wallSeconds < deadline {
                        let item = work[index % work.count]
                        index += 1
                        totals.requests += 1
                        do {
                            let response = try await client.execute(item.request)
                            guard response.statusCode == 200, !response.body.isEmpty else {
                                totals.errors += 1
                                continue
                            }
                            totals.bytes += response.body.count
                            if read {
                                switch item.engine.read(answer: response, asked: item.asked, logger: logger) {
                                case .items(let items):
                                    for (_, result) in items {
                                        if case .success(.events(let events, _, _)) = result { totals.events += events.count } else { totals.errors += 1 }
                                    }
                                case .whole: totals.errors += 1
                                }
                            }
                        } catch {
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
                sum.events += totals.events
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
