import CarrierSimulator
import Foundation
import GRDB
import Logging
import ShipTrackBatch
import ShipTrackCarriers
import ShipTrackEstimate
import ShipTrackInput
import ShipTrackModel
import ShipTrackTestSupport
import Testing

/// Nights through the APIs a real store uses (USPS API, 17TRACK, EMS interface) against the simulator's generated
/// parcels: registration across nights, quotas planned before they are spent, and secrets kept out of everything.
@Suite("Nights on API sources", .serialized, .timeLimit(.minutes(5)))
struct APINightTests {
    /// A folder, a simulator playing every API from its generated parcel world, and a run configuration with the
    /// simulator's test credentials.
    final class Night: Sendable {
        let folder: URL
        let simulator: CarrierSimulator
        let logs = LogCapture()

        static let day = SimulatedDay("2026-11-20")!
        static let credentials: [String: String] = [
            "USPS_CLIENT_ID": CarrierSimulator.testCredentials.uspsClientID,
            "USPS_CLIENT_SECRET": CarrierSimulator.testCredentials.uspsClientSecret,
            "TRACK17_API_KEY": CarrierSimulator.testCredentials.track17APIKey,
            "EMS_EUB_TOKEN": CarrierSimulator.testCredentials.emsToken,
        ]

        init(_ change: (inout CarrierSimulator.Options) -> Void = { _ in }) async throws {
            folder = FileManager.default.temporaryDirectory.appendingPathComponent("shiptrack-api-night-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            var options = CarrierSimulator.Options()
            options.generatedPages = .init(simulatedDate: Self.day)
            options.uspsAPI = .init(callsPerWindow: nil)
            options.track17 = .init(requestsPerSecond: nil, registrationDelay: .zero)
            change(&options)
            simulator = try CarrierSimulator(
                fixtures: BatchWorkspace.repository.appendingPathComponent("Fixtures"), options: options,
                logger: Logger(label: "sim") { _ in SwiftLogNoOpLogHandler() })
            _ = try await simulator.start()
        }

        /// Generated orders (numbers the simulator knows), `count` parcels.
        func generatedOrders(_ count: Int, seed: UInt64) throws -> String {
            let generator = try OrderFileGenerator(options: .init(shipmentCount: count, simulatedDate: Self.day, seed: seed))
            let path = folder.appendingPathComponent("orders-\(seed).csv")
            try Data(generator.text().utf8).write(to: path)
            return path.path
        }

        func write(_ name: String, _ text: String) throws -> String {
            let path = folder.appendingPathComponent(name)
            try Data(text.utf8).write(to: path)
            return path.path
        }

        func configuration(input: String, asOf: String, secrets: [String: String] = Night.credentials) throws -> NightlyRunConfiguration {
            let parser = TimestampParser(policy: .builtIn)
            let logs = logs
            var configuration = NightlyRunConfiguration(
                inputPath: input, input: InputOptions(countries: .builtIn, timestamps: parser),
                databasePath: folder.appendingPathComponent("state.sqlite").path,
                reportDirectory: folder.appendingPathComponent("reports").path, registry: try CarrierRegistry.builtIn(),
                logger: Logger(label: "night") { _ in logs.handler() })
            configuration.logger.logLevel = .trace
            configuration.asOf = try parser.parse(asOf, field: "as_of")
            configuration.sources.secrets = SecretStore(values: secrets)
            configuration.sources.baseURLs = BaseURLs(all: simulator.baseURL)
            configuration.sources.allLimits = SourceLimits(concurrency: 8, requestsPerSecond: 0)
            configuration.sources.tokenCacheFolder = folder.appendingPathComponent("tokens")
            configuration.requestTimeout = .seconds(5)
            return configuration
        }

        var database: DatabaseQueue {
            get throws { try DatabaseQueue(path: folder.appendingPathComponent("state.sqlite").path) }
        }

        func stop() async {
            try? await simulator.stop()
            try? FileManager.default.removeItem(at: folder)
        }
    }

    @Test("Two nights: every number registered with 17TRACK once, one USPS token, final parcels not asked again")
    func twoNightsRegisterOnce() async throws {
        let night = try await Night()
        let orders = try night.generatedOrders(400, seed: 31)
        let first = try await NightlyRun(configuration: night.configuration(input: orders, asOf: "2026-11-20T20:00:00Z")).execute()
        let afterFirst = night.simulator.statistics.api
        let second = try await NightlyRun(configuration: night.configuration(input: orders, asOf: "2026-11-21T20:00:00Z")).execute()
        let afterSecond = night.simulator.statistics.api
        let registered = try await night.database.read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM registrations WHERE source = '17track'") ?? 0
        }
        await night.stop()

        #expect(first.bySource["17track"] ?? 0 > 100, "ePackets went through 17TRACK: \(first.bySource)")
        #expect(first.bySource["usps-api"] ?? 0 > 20, "\(first.bySource)")
        #expect(first.bySource["ems-eub"] ?? 0 > 20, "\(first.bySource)")
        #expect(afterFirst.track17Registrations == registered, "the ledger holds what 17TRACK registered")
        #expect(afterSecond.track17Registrations == afterFirst.track17Registrations, "night 2 registers nothing again")
        #expect(afterSecond.uspsTokensIssued == 1, "the cached token served both nights")
        #expect((second.outcomes["skipped_final"] ?? 0) > 50, "delivered parcels are not read again")
        #expect(first.uncheckedCount == 0 && second.uncheckedCount == 0, "\(first.failures.examples + second.failures.examples)")
    }

    @Test("A night with less quota than work checks the most urgent first; the rest are 'not checked: quota' with a date")
    func quotaPlannedUrgentFirst() async throws {
        let night = try await Night { $0.track17 = .init(requestsPerSecond: nil, quotaTotal: 10, registrationDelay: .zero) }
        let numbers = CarrierSimulator.sampleTrackingNumbers(carrier: "epacket", count: 30, seed: 32)
        var csv = "order_id,tracking_number,carrier,destination,ordered_at,shipped_at\n"
        // Order i was placed i days after the first: the oldest orders reach their promised dates first.
        for (index, number) in numbers.enumerated() {
            let day = Calendar(identifier: .gregorian).date(byAdding: .day, value: index, to: Date(timeIntervalSince1970: 1_759_276_800))!
            csv += "Q\(String(format: "%02d", index)),\(number),,DE,\(ISO8601DateFormatter().string(from: day)),\n"
        }
        let path = try night.write("quota.csv", csv)
        var configuration = try night.configuration(input: path, asOf: "2026-11-20T20:00:00Z")
        configuration.sources.preferences = ["epacket": ["17track"]]

        var dry = configuration
        dry.dryRun = true
        let planned = try await NightlyRun(configuration: dry).execute()
        let afterPlan = night.simulator.statistics.api
        let summary = try await NightlyRun(configuration: configuration).execute()
        let lines = try String(contentsOf: night.folder.appendingPathComponent("reports/latest/shipments.jsonl"), encoding: .utf8)
            .split(separator: "\n").map { try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] ?? [:] }
        await night.stop()

        #expect(planned.ended == .planned)
        #expect(afterPlan.track17Registrations == 0 && afterPlan.track17NumbersQueried == 0, "a dry run spends nothing")
        let line = try #require(planned.plan?.sources.first { $0.source == "17track" })
        #expect(line.unitsLeft == 10)
        #expect(line.leftOut == 20)

        let checked = lines.filter { $0["outcome"] as? String != "not_checked" }.compactMap { $0["order_id"] as? String }.sorted()
        #expect(checked == (0..<10).map { "Q" + String(format: "%02d", $0) }, "the oldest orders first: \(checked)")
        let left = lines.filter { $0["outcome"] as? String == "not_checked" }
        #expect(left.count == 20)
        #expect(left.allSatisfy { $0["failure_kind"] as? String == "quota" })
        #expect(left.allSatisfy { ($0["outcome_detail"] as? String)?.contains("20") == true }, "names the day it will be reached")
        #expect(summary.failures.byKind["quota"] == 20)
    }

    @Test("No secret reaches a log line, a report, the database or an error, even at trace level")
    func secretsStayOut() async throws {
        let night = try await Night()
        let orders = try night.generatedOrders(300, seed: 33)
        _ = try await NightlyRun(configuration: night.configuration(input: orders, asOf: "2026-11-20T20:00:00Z")).execute()
        // A wrong secret too: its value must not be echoed by the refusal.
        var wrong = Night.credentials
        wrong["USPS_CLIENT_SECRET"] = "wrong-secret-5c6d7e"
        wrong["TRACK17_API_KEY"] = "wrong-17-key-8f9a0b"
        let refused = try await NightlyRun(configuration: night.configuration(input: orders, asOf: "2026-11-22T20:00:00Z", secrets: wrong)).execute()
        var haystacks: [(String, [UInt8])] = [("logs", Array(night.logs.text.utf8)), ("summary", Array("\(refused)".utf8))]
        let enumerator = FileManager.default.enumerator(at: night.folder, includingPropertiesForKeys: nil)
        while let url = enumerator?.nextObject() as? URL {
            guard !url.hasDirectoryPath else { continue }
            if url.pathComponents.contains("tokens") { continue }  // the owner-only token cache holds the token by design
            if let data = try? Data(contentsOf: url) { haystacks.append((url.lastPathComponent, Array(data))) }
        }
        await night.stop()
        #expect(haystacks.contains { $0.0 == "state.sqlite" })
        #expect(haystacks.contains { $0.0 == "report.html" })
        for secret in Night.credentials.values + ["wrong-secret-5c6d7e", "wrong-17-key-8f9a0b"] {
            for (name, bytes) in haystacks {
                #expect(!bytes.containsSequence(Array(secret.utf8)), "\(name) holds a secret")
            }
        }
        #expect(refused.sourceProblems.contains { $0.kind == "unauthorized" }, "\(refused.sourceProblems)")
    }

    @Test("A blocked USPS page without API credentials is a source problem that says what to do, not 'not found'")
    func blockedPageNight() async throws {
        let night = try await Night { $0.pageBlocking = .init(usps: .accessDenied) }
        let orders = try night.write("usps.csv", "order_id,tracking_number,carrier,destination,ordered_at,shipped_at\n" + CarrierSimulator
            .sampleTrackingNumbers(carrier: "usps", count: 5, seed: 34).enumerated().map { "B\($0),\($1),,US,2026-11-10,\n" }.joined())
        let summary = try await NightlyRun(configuration: night.configuration(input: orders, asOf: "2026-11-20T20:00:00Z", secrets: [:])).execute()
        await night.stop()
        #expect(summary.byOutcome["blocked"] == 5)
        #expect(summary.byOutcome["not_found"] == nil)
        let problem = try #require(summary.sourceProblems.first)
        #expect(problem.kind == "blocked" && problem.shipments == 5)
        #expect(problem.detail.contains("docs/sources.md") || summary.failures.examples.joined().contains("docs/sources.md"))
    }
}

extension Array where Element == UInt8 {
    func containsSequence(_ needle: [UInt8]) -> Bool {
        guard !needle.isEmpty, count >= needle.count else { return false }
        let first = needle[0]
        var index = 0
        while index <= count - needle.count {
            if self[index] == first, Array(self[index..<index + needle.count]) == needle { return true }
            index += 1
        }
        return false
    }
}
