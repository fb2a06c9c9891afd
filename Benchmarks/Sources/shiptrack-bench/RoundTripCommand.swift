import ArgumentParser
import Logging
import ShipTrackHTTP

/// `shiptrack-bench round-trip`: how long one request to the simulator takes on a new connection, the part of a
/// `shiptrack lookup` that is the simulator's and not ours; `report` subtracts it from the lookup's wall time.
struct RoundTripCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "round-trip",
        abstract: "Time single requests on fresh connections and print the median."
    )

    @Option(help: "The URL to ask, the same page the lookup asks for.")
    var url: String

    @Option(help: "How many requests to time.")
    var count = 30

    func run() async throws {
        let logger = Logger(label: "bench") { _ in SwiftLogNoOpLogHandler() }
        var seconds: [Double] = []
        for _ in 0..<(count + 3) {
            // A new client each time, as a fresh `shiptrack lookup` process has: connect, request, read, close.
            let client = try HTTPClient(logger: logger)
            let start = ProcessClock.wallSeconds
            let response = try await client.execute(HTTPRequest(url: url))
            let elapsed = ProcessClock.wallSeconds - start
            client.shutdown()
            guard response.statusCode == 200 else { throw ValidationError("\(url) answered \(response.statusCode)") }
            seconds.append(elapsed)
        }
        // The first few open the simulator's code paths and caches; the lookups are measured warm too.
        let timed = Array(seconds.dropFirst(3))
        print("count=\(timed.count) median_seconds=\(MeasurementRecord.value(median(timed) ?? 0))")
    }
}
