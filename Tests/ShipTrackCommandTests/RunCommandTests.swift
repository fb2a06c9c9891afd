import CarrierSimulator
import Foundation
import GRDB
import Logging
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// `shiptrack run` as a real process: killed with SIGKILL mid-run and resumed, and two runs on one database.
@Suite("shiptrack run as a process", .serialized)
struct RunCommandTests {
    static let numbers = [
        "9400100000000000000051", "9400100000000000000068", "9400100000000000000075", "LX100077775CN",
        "LX100066662CN", "LX100099997CN", "EA100077775CN", "EA100066662CN",
    ]
    static let shipments = 240

    /// EMS is asked through the EMS partner interface (the simulator's test token); USPS and China Post through
    /// their pages.
    static let environment: [String: String] = {
        var environment = ProcessInfo.processInfo.environment
        for name in ["USPS_CLIENT_ID", "USPS_CLIENT_SECRET", "TRACK17_API_KEY", "SHIPTRACK_CONFIG", "SHIPTRACK_CREDENTIALS"] {
            environment.removeValue(forKey: name)
        }
        environment["EMS_EUB_TOKEN"] = CommandRunner.apiCredentials["EMS_EUB_TOKEN"]
        for (name, folder) in ["XDG_CONFIG_HOME": "config", "XDG_STATE_HOME": "state", "XDG_CACHE_HOME": "cache"] {
            environment[name] = CommandRunner.isolatedHome.appendingPathComponent(folder).path
        }
        return environment
    }()

    private func workspace() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("shiptrack-run-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var csv = "order_id,tracking_number,carrier,destination,ordered_at,shipped_at\n"
        for index in 0..<Self.shipments {
            csv += "R\(index),\(Self.numbers[index % Self.numbers.count]),,US,2023-06-28,\n"
        }
        try Data(csv.utf8).write(to: folder.appendingPathComponent("orders.csv"))
        return folder
    }

    private func slowSimulator() async throws -> CarrierSimulator {
        var options = CarrierSimulator.Options()
        options.latency = .milliseconds(40)
        let simulator = try CarrierSimulator(
            fixtures: CommandRunner.repositoryRoot.appendingPathComponent("Fixtures"), options: options,
            logger: Logger(label: "sim") { _ in SwiftLogNoOpLogHandler() })
        _ = try await simulator.start()
        return simulator
    }

    private func runArguments(_ folder: URL, base: String) -> [String] {
        [
            "run", folder.appendingPathComponent("orders.csv").path, "--db", folder.appendingPathComponent("state.sqlite").path,
            "--report-dir", folder.appendingPathComponent("reports").path, "--as-of", "2023-07-25T00:00:00Z",
            "--base-url", base, "--concurrency", "1", "--rate", "0", "--no-progress",
        ]
    }

    private func checkedCount(_ database: String) -> Int {
        guard FileManager.default.fileExists(atPath: database),
            let queue = try? DatabaseQueue(path: database),
            let count = try? queue.read({ db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM shipments WHERE checked_run IS NOT NULL") })
        else { return 0 }
        return count
    }

    @Test("A run killed with SIGKILL is resumed by the next: nothing lost, nothing fetched or stored twice")
    func killAndResume() async throws {
        let folder = try workspace()
        let simulator = try await slowSimulator()
        defer { Task { try? await simulator.stop() } }
        let database = folder.appendingPathComponent("state.sqlite").path

        let process = Process()
        process.executableURL = try CommandRunner.requireExecutable()
        process.arguments = runArguments(folder, base: simulator.baseURL)
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        process.environment = Self.environment
        try process.run()
        var committed = 0
        let started = ContinuousClock.now
        while committed < 40, ContinuousClock.now - started < .seconds(60), process.isRunning {
            try await Task.sleep(for: .milliseconds(20))
            committed = checkedCount(database)
        }
        #expect(process.isRunning, "the run must still be going when it is killed")
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal)
        let committedAtKill = checkedCount(database)
        #expect(committedAtKill >= 40 && committedAtKill < Self.shipments)

        let served = simulator.statistics.requestsServed
        let resumed = try CommandRunner.run(runArguments(folder, base: simulator.baseURL), environment: Self.environment)
        #expect(resumed.status == 0, "\(resumed.stderr)")
        #expect(resumed.stdout.contains("(resumed)"))
        let summaryData = try Data(contentsOf: folder.appendingPathComponent("reports/latest/summary.json"))
        let summary = try #require(try JSONSerialization.jsonObject(with: summaryData) as? [String: Any])
        let outcomes = try #require(summary["outcomes"] as? [String: Int])
        #expect(outcomes.values.reduce(0, +) == Self.shipments)
        #expect(outcomes["checked"] == Self.shipments)
        // Shipments committed before the kill are not asked again: the resumed run sends what an uninterrupted run
        // would for the rest (USPS and EMS one request each, ePackets to the US two: 11 per 8 shipments), with room
        // for the mix of what is left (12 per 8). Asking the committed ones again would add 55 or more.
        let left = Self.shipments - committedAtKill
        let resumedRequests = simulator.statistics.requestsServed - served
        #expect(resumedRequests <= left * 12 / 8, "\(resumedRequests) requests for \(left) shipments")

        let queue = try DatabaseQueue(path: database)
        let counts = try await queue.read { db in
            [
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM shipments") ?? -1,
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM runs") ?? -1,
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM events") ?? -1,
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM (SELECT DISTINCT shipment_id, local_time, status, description, leg FROM events)") ?? -2,
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM shipments WHERE checked_run IS NULL") ?? -1,
            ]
        }
        #expect(counts[0] == Self.shipments)
        #expect(counts[1] == 1, "the interrupted run was continued, not replaced")
        #expect(counts[2] == counts[3], "no event stored twice")
        #expect(counts[4] == 0)
        let lines = try String(contentsOf: folder.appendingPathComponent("reports/latest/shipments.jsonl"), encoding: .utf8)
            .split(separator: "\n")
        #expect(lines.count == Self.shipments)
    }

    @Test("A second run on a locked database exits at once with status 4")
    func lockHeld() async throws {
        let folder = try workspace()
        let simulator = try await slowSimulator()
        defer { Task { try? await simulator.stop() } }
        let database = folder.appendingPathComponent("state.sqlite").path
        let first = Process()
        first.executableURL = try CommandRunner.requireExecutable()
        first.arguments = runArguments(folder, base: simulator.baseURL)
        first.standardOutput = FileHandle.nullDevice
        first.standardError = FileHandle.nullDevice
        first.environment = Self.environment
        try first.run()
        let started = ContinuousClock.now
        while checkedCount(database) == 0, ContinuousClock.now - started < .seconds(60) {
            try await Task.sleep(for: .milliseconds(20))
        }
        let second = try CommandRunner.run(runArguments(folder, base: simulator.baseURL), environment: Self.environment)
        #expect(second.status == 4)
        #expect(second.stderr.contains("another shiptrack run is using this database"))
        #expect(second.stderr.contains("pid \(first.processIdentifier)"))
        first.waitUntilExit()
        #expect(first.terminationStatus == 0)
    }

    @Test("Input errors exit 2 and usage errors 64, naming the problem")
    func inputErrors() throws {
        let folder = try workspace()
        let missing = try CommandRunner.run(["run", folder.appendingPathComponent("nope.csv").path, "--db", folder.appendingPathComponent("s.sqlite").path])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("nope.csv"))
        let badFormat = try CommandRunner.run(["run", "x.csv", "--input-format", "xlsx"])
        #expect(badFormat.status == 64)
        #expect(badFormat.stderr.contains("--input-format"))
        let report = try CommandRunner.run(["report", "--db", folder.appendingPathComponent("none.sqlite").path])
        #expect(report.status == 3)
    }
}
