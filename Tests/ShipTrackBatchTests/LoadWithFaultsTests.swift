import CarrierSimulator
import Foundation
import GRDB
import Logging
import ShipTrackBatch
import ShipTrackCarriers
import ShipTrackEstimate
import ShipTrackInput
import Testing

/// 10,000 shipments against the simulator's generated pages with faults injected by rate: every shipment must end
/// with a definite outcome in the summary, the reports and the database.
@Suite("Nightly run under load with faults")
struct LoadWithFaultsTests {
    @Test("A 10,000-shipment run with faults accounts for every shipment")
    func tenThousandWithFaults() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("shiptrack-load-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let day = try #require(SimulatedDay("2026-11-20"))
        let orders = folder.appendingPathComponent("orders.csv")
        let generator = try OrderFileGenerator(
            options: .init(shipmentCount: 10_000, simulatedDate: day, seed: 11, badRowCount: 25))
        try Data(generator.text().utf8).write(to: orders)

        var options = CarrierSimulator.Options()
        options.generatedPages = .init(simulatedDate: day)
        options.faultRates = try .init(
            parsing: "500=0.02,503=0.002,429=0.002,timeout=0.003,truncated=0.01,garbage=0.003,reset=0.01", seed: 5,
            retryAfterSeconds: 1)
        let simulator = try CarrierSimulator(
            fixtures: BatchWorkspace.repository.appendingPathComponent("Fixtures"), options: options,
            logger: Logger(label: "sim") { _ in SwiftLogNoOpLogHandler() })
        _ = try await simulator.start()
        defer { Task { try? await simulator.stop() } }

        let parser = TimestampParser(policy: .builtIn)
        var configuration = NightlyRunConfiguration(
            inputPath: orders.path, input: InputOptions(countries: .builtIn, timestamps: parser),
            databasePath: folder.appendingPathComponent("state.sqlite").path,
            reportDirectory: folder.appendingPathComponent("reports").path, registry: try CarrierRegistry.builtIn(),
            logger: .quiet)
        configuration.asOf = try parser.parse("2026-11-20T20:00:00Z", field: "as_of")
        configuration.sources.baseURLs = BaseURLs(all: simulator.baseURL)
        configuration.sources.allLimits = SourceLimits(concurrency: 24, requestsPerSecond: 0)
        configuration.requestTimeout = .seconds(1)
        var fetch = FetchPolicy()
        fetch.baseBackoff = .milliseconds(50)
        fetch.maxBackoff = .seconds(2)
        configuration.fetchPolicy = fetch

        let summary = try await NightlyRun(configuration: configuration).execute()
        // make-orders writes its bad rows in five kinds; one kind (an order id quoted around a comma, a quote and a
        // newline) is valid CSV and must be accepted, so 20 of the 25 are rejected.
        #expect(summary.input.rowsRejected == 20)
        #expect(summary.input.shipments >= 9_900)
        #expect(summary.outcomes.values.reduce(0, +) == summary.input.shipments, "\(summary.outcomes)")
        #expect(summary.outcomes["not_checked"] == nil, "no deadline was set")
        let checked = summary.outcomes["checked"] ?? 0
        #expect(checked > summary.input.shipments * 9 / 10, "retries recover most faults: \(summary.outcomes)")
        #expect(summary.fetching.retries > 100, "faults were injected and retried")
        #expect(simulator.statistics.randomFaultsInjected > 100)

        let lines = try String(contentsOf: folder.appendingPathComponent("reports/latest/shipments.jsonl"), encoding: .utf8)
            .split(separator: "\n")
        #expect(lines.count == summary.input.shipments)
        let database = try DatabaseQueue(path: configuration.databasePath)
        let stored = try await database.read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM shipments WHERE seen_run = ?", arguments: [summary.runID]) ?? 0
        }
        #expect(stored == summary.input.shipments)
    }
}
