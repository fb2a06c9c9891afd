import CarrierSimulator
import Foundation
import Logging
import ShipTrackBatch
import ShipTrackCarriers
import ShipTrackEstimate
import ShipTrackInput
import ShipTrackTestSupport

/// A temporary folder with a carrier simulator serving the repository's fixtures (plus test-only fault numbers
/// with short `Retry-After`), a database path and a report folder.
final class BatchWorkspace: Sendable {
    static let repository = RepositoryPaths.root
    let folder: URL
    let simulator: CarrierSimulator
    let baseURL: String

    /// USPS numbers (valid check digits) given faults by this workspace's simulator.
    enum Fault: String, CaseIterable {
        case status500 = "9400100000000000007012"
        case status503 = "9400100000000000007029"
        case status429 = "9400100000000000007036"
        case status404 = "9400100000000000007043"
        case empty = "9400100000000000007050"
        case truncated = "9400100000000000007067"
        case garbage = "9400100000000000007074"
        case reset = "9400100000000000007081"
        case timeout = "9400100000000000007098"
    }

    /// A USPS number answered 503 with `Retry-After: 86400` (a day, the most the simulator sends), every time.
    static let hugeRetryAfter = "9400100000000000007104"

    init(latency: Duration = .zero) async throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("shiptrack-batch-\(UUID().uuidString)")
        let fixtures = folder.appendingPathComponent("Fixtures")
        try FileManager.default.createDirectory(at: fixtures, withIntermediateDirectories: true)
        // Every source's fixtures: the pages and the APIs' answers.
        for folder in ["usps", "epacket", "usps-api", "ems-eub", "17track"] {
            try FileManager.default.copyItem(
                at: Self.repository.appendingPathComponent("Fixtures/\(folder)"), to: fixtures.appendingPathComponent(folder))
        }
        let routing = try JSONSerialization.jsonObject(
            with: Data(contentsOf: Self.repository.appendingPathComponent("Fixtures/simulator.json"))) as? [String: Any] ?? [:]
        let specials: [String: Any] = [
            Fault.status500.rawValue: ["fault": "status", "status": 500],
            Fault.status503.rawValue: ["fault": "status", "status": 503, "retry_after": 1],
            Fault.status429.rawValue: ["fault": "status", "status": 429, "retry_after": 1],
            Fault.status404.rawValue: ["fault": "status", "status": 404],
            Fault.empty.rawValue: ["fault": "empty"],
            Fault.truncated.rawValue: ["fault": "truncated", "file": "9400100000000000000051.html"],
            Fault.garbage.rawValue: ["fault": "garbage", "bytes": 2048],
            Fault.reset.rawValue: ["fault": "reset"],
            Fault.timeout.rawValue: ["fault": "timeout"],
            Self.hugeRetryAfter: ["fault": "status", "status": 503, "retry_after": 86_400],
        ]
        let testRouting: [String: Any] = ["carriers": routing["carriers"] ?? [], "special_numbers": specials]
        try JSONSerialization.data(withJSONObject: testRouting).write(to: fixtures.appendingPathComponent("simulator.json"))
        var options = CarrierSimulator.Options()
        options.latency = latency
        simulator = try CarrierSimulator(
            fixtures: fixtures, options: options, logger: Logger(label: "sim") { _ in SwiftLogNoOpLogHandler() })
        _ = try await simulator.start()
        baseURL = simulator.baseURL
    }

    var databasePath: String { folder.appendingPathComponent("state.sqlite").path }
    var reportDirectory: URL { folder.appendingPathComponent("reports") }

    func write(_ name: String, _ contents: String) throws -> String {
        let url = folder.appendingPathComponent(name)
        try Data(contents.utf8).write(to: url)
        return url.path
    }

    func configuration(input path: String, asOf: String, logger: Logger = .quiet) throws -> NightlyRunConfiguration {
        let parser = TimestampParser(policy: .builtIn)
        var configuration = NightlyRunConfiguration(
            inputPath: path, input: InputOptions(countries: .builtIn, timestamps: parser), databasePath: databasePath,
            reportDirectory: reportDirectory.path, registry: try CarrierRegistry.builtIn(), logger: logger)
        configuration.asOf = try parser.parse(asOf, field: "as_of")
        configuration.sources.baseURLs = BaseURLs(all: baseURL)
        configuration.sources.allLimits = SourceLimits(concurrency: 8, requestsPerSecond: 0)
        configuration.sources.tokenCacheFolder = nil
        configuration.requestTimeout = .milliseconds(800)
        var fetch = FetchPolicy()
        fetch.maxAttempts = 3
        fetch.baseBackoff = .milliseconds(20)
        fetch.maxBackoff = .seconds(2)
        configuration.fetchPolicy = fetch
        return configuration
    }

    /// A file of the newest complete run's reports (`reports/latest/NAME`).
    func report(_ name: String) throws -> String {
        try String(contentsOf: reportDirectory.appendingPathComponent("latest").appendingPathComponent(name), encoding: .utf8)
    }

    /// `shipments.jsonl` as objects keyed by tracking number (or order id for unshipped parcels).
    func shipmentLines() throws -> [String: [String: Any]] {
        var lines: [String: [String: Any]] = [:]
        for line in try report("shipments.jsonl").split(separator: "\n") {
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] ?? [:]
            let key = object["tracking_number"] as? String ?? "order:\(object["order_id"] as? String ?? "")"
            lines[key] = object
        }
        return lines
    }

    func stop() async {
        try? await simulator.stop()
        try? FileManager.default.removeItem(at: folder)
    }
}

extension Logger {
    static let quiet = Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }
}
