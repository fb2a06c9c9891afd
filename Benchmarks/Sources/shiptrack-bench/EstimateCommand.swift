import ArgumentParser
import Foundation
import ShipTrackEstimate

/// `shiptrack-bench estimate`: estimates per second over a million in-memory shipments.
struct EstimateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "estimate",
        abstract: "Estimate and flag many in-memory shipments, single-threaded, and print estimates per second.",
        discussion: "Prints one record line per run."
    )

    @Option(help: "The folder of carrier definitions (Carriers/).")
    var carriers = "Carriers"

    @Option(help: "The folder of tracking source definitions (TrackingSources/).")
    var sources = "TrackingSources"

    @Option(help: "The simulated date of the generated orders and pages, YYYY-MM-DD.")
    var date: String

    @Option(name: .customLong("as-of"), help: "\"Now\" for the estimates (ISO 8601).")
    var asOf: String

    @Option(help: "Shipments to estimate per run.")
    var count = 1_000_000

    @Option(help: "Distinct shipments (generated orders tracked through generated pages) the runs cycle through.")
    var distinct = 1_000

    @Option(help: "Runs.")
    var runs = 3

    func run() async throws {
        let estimator = Estimator()
        let timestamps = TimestampParser(policy: estimator.policy)
        let now = try timestamps.parse(asOf, field: "--as-of")
        let builder = ShipmentFactsBuilder(
            world: try GeneratedWorld(simulatedDate: date), registry: try BenchSources.registry(carriers: carriers, sources: sources),
            timestamps: timestamps)
        let shipments = ShipmentFactsBuilder.expand(
            try await builder.distinctShipments(count: distinct, seed: 11, now: now), to: count)

        for _ in 0..<runs {
            var flags = 0
            var failures = 0
            let start = ProcessClock.wallSeconds
            let cpuStart = ProcessClock.cpuSeconds
            for shipment in shipments {
                // Counting flags keeps the optimizer from dropping the estimates.
                do { flags += try estimator.estimate(shipment, now: now).flags.count } catch { failures += 1 }
            }
            let elapsed = ProcessClock.wallSeconds - start
            let cpu = ProcessClock.cpuSeconds - cpuStart
            print(
                "estimates=\(shipments.count) seconds=\(MeasurementRecord.value(elapsed)) "
                    + "cpu_seconds=\(MeasurementRecord.value(cpu)) flags=\(flags) failures=\(failures)")
        }
    }
}
