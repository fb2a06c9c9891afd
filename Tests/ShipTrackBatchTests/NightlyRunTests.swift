import Foundation
import GRDB
import Logging
import ShipTrackBatch
import ShipTrackCarriers
import Testing

/// The nightly batch in process, against the loopback simulator: outcomes, retries, reports, changes, lock.
@Suite("Nightly run", .serialized)
struct NightlyRunTests {
    static let header = "order_id,tracking_number,carrier,destination,ordered_at,shipped_at\n"

    @Test("Every retry path ends each shipment with a definite outcome")
    func retryPaths() async throws {
        let workspace = try await BatchWorkspace()
        defer { Task { await workspace.stop() } }
        var csv = Self.header
        for (index, fault) in BatchWorkspace.Fault.allCases.enumerated() {
            csv += "F\(index),\(fault.rawValue),usps,US,2023-07-01,\n"
        }
        csv += "OK1,9400100000000000000051,,US,2023-07-01,\n"
        let path = try workspace.write("faults.csv", csv)
        let summary = try await NightlyRun(configuration: workspace.configuration(input: path, asOf: "2023-07-20")).execute()

        #expect(summary.input.shipments == 10)
        #expect(summary.outcomes.values.reduce(0, +) == 10, "every shipment is accounted for")
        #expect(summary.outcomes["checked"] == 1)
        #expect(summary.outcomes["failed"] == 9)
        #expect(summary.uncheckedCount == 9)
        let lines = try workspace.shipmentLines()
        func attempts(_ fault: BatchWorkspace.Fault) -> Int? { lines[fault.rawValue]?["attempts"] as? Int }
        // Retried up to the limit: 5xx, 429, timeouts, resets, truncated and empty bodies.
        for fault in [BatchWorkspace.Fault.status500, .status503, .status429, .empty, .truncated, .reset, .timeout] {
            #expect(attempts(fault) == 3, "\(fault) should be tried 3 times")
            #expect(lines[fault.rawValue]?["outcome"] as? String == "failed")
        }
        // Not retried: 404. A page that is not the carrier's layout is asked once more (a source that usually answers
        // well may have sent a broken page, issue 14.6); the same again proves the layout, and it is given up.
        #expect(attempts(.status404) == 1)
        #expect(attempts(.garbage) == 2)
        #expect(lines[BatchWorkspace.Fault.garbage.rawValue]?["tracking_outcome"] as? String == "layout_not_recognised")
        #expect((lines[BatchWorkspace.Fault.status503.rawValue]?["outcome_detail"] as? String)?.contains("HTTP 503") == true)
        #expect(lines["9400100000000000000051"]?["status"] as? String == "delivered")
    }

    @Test("A second run skips delivered parcels and reports what changed since the first")
    func changesAcrossRuns() async throws {
        let workspace = try await BatchWorkspace()
        defer { Task { await workspace.stop() } }
        let csv = Self.header + """
            D1,9400100000000000000051,,US,2023-07-01,
            T1,9400100000000000000037,,US,2023-05-01,
            N1,LX100155549CN,,DE,2023-07-01,
            C1,LX100066662CN,,BR,2023-06-27,
            U1,,,FR,2023-07-20,

            """
        let path = try workspace.write("orders.csv", csv)

        // Run 1: one delivered, one long late and stalled, one unknown to the carrier, one held by customs.
        let first = try await NightlyRun(configuration: workspace.configuration(input: path, asOf: "2023-07-25")).execute()
        #expect(first.outcomes["checked"] == 3)
        #expect(first.outcomes["not_found"] == 1)
        #expect(first.outcomes["not_shipped"] == 1)
        #expect(first.changes.newlyDelivered == 1)
        #expect(first.changes.newExceptions == 1)
        #expect(first.changes.newlyLate == 1)
        #expect(first.changes.newlyStalled == 1)

        // Run 2, two months on: the delivered parcel is not fetched again; two more parcels are now late and the
        // unshipped order is overdue; nothing that was already flagged counts as new.
        let second = try await NightlyRun(configuration: workspace.configuration(input: path, asOf: "2023-09-30")).execute()
        #expect(second.runID == first.runID + 1)
        #expect(second.outcomes["skipped_final"] == 1)
        #expect(second.outcomes["checked"] == 2)
        #expect(second.changes.newlyDelivered == 0)
        // The parcel the carrier does not know, the one held by customs and the order never shipped.
        #expect(second.changes.newlyLate == 3)
        #expect(second.changes.newExceptions == 0)
        let lines = try workspace.shipmentLines()
        #expect((lines["LX100155549CN"]?["new_flags"] as? [String])?.contains("late") == true)
        #expect((lines["9400100000000000000037"]?["new_flags"] as? [String]) == [])
        #expect((lines["order:U1"]?["new_flags"] as? [String])?.contains("awaiting_shipment") == true)
        #expect(lines["9400100000000000000051"]?["outcome"] as? String == "skipped_final")
        #expect(lines["9400100000000000000051"]?["status"] as? String == "delivered")

        // A third run at the same time changes nothing.
        let third = try await NightlyRun(configuration: workspace.configuration(input: path, asOf: "2023-09-30")).execute()
        #expect(third.changes.newlyLate == 0)
        #expect(third.changes.newExceptions == 0)
        #expect(third.changes.newlyStalled == 0)

        // --refresh-all fetches the delivered parcel again; no event and no shipment is duplicated.
        var refresh = try workspace.configuration(input: path, asOf: "2023-09-30")
        refresh.refreshAll = true
        let fourth = try await NightlyRun(configuration: refresh).execute()
        #expect(fourth.outcomes["skipped_final"] == nil)
        #expect(fourth.outcomes["checked"] == 3)
        let database = try DatabaseQueue(path: workspace.databasePath)
        let counts = try await database.read { db in
            [
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM events") ?? 0,
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM (SELECT DISTINCT shipment_id, local_time, status, description, leg FROM events)") ?? 0,
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM shipments") ?? 0,
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM events WHERE shipment_id = (SELECT id FROM shipments WHERE order_id = 'D1')") ?? 0,
            ]
        }
        #expect(counts[0] == counts[1])
        #expect(counts[2] == 5)
        #expect(counts[3] == 6)
    }

    @Test("Bad rows are reported with line and field and skipped; flagged.csv is safe in a spreadsheet")
    func badRowsAndReports() async throws {
        let workspace = try await BatchWorkspace()
        defer { Task { await workspace.stop() } }
        let csv = Self.header + """
            "=HYPERLINK(""http://evil"")",9400100000000000000037,,US,2023-05-01,
            B1,9400100000000000000014,,US,2023-07-01,
            B2,9400100000000000000051,,Narnia,2023-07-01,
            B3,9400100000000000000051,,US,yesterday,
            B4,9400100000000000000051,dhl,US,2023-07-01,
            B5,9400100000000000000051,,US,2031-01-01,
            "M1","LX100077775CN;EA100077775CN",,US,2023-06-28,
            G1,9400100000000000000051,,US,2023-07-02,
            G2,9400100000000000000051,,US,2023-07-03,
            G3,9400100000000000000051,,US,2023-07-04,

            """
        let path = try workspace.write("orders.csv", csv)
        let summary = try await NightlyRun(configuration: workspace.configuration(input: path, asOf: "2023-07-20")).execute()
        #expect(summary.input.rowsRejected == 5)
        #expect(summary.ended == .finished, "5 of 10 rows rejected is not most of them")
        #expect(summary.input.shipments == 6)
        #expect(summary.orders.multiParcel == 1)
        let rejected = summary.input.rejected.joined(separator: "\n")
        #expect(rejected.contains("orders.csv:3: tracking_number"))
        #expect(rejected.contains("orders.csv:4: destination"))
        #expect(rejected.contains("orders.csv:5: ordered_at"))
        #expect(rejected.contains("orders.csv:6: carrier"))
        #expect(rejected.contains("orders.csv:7: ordered_at"))

        let flagged = try workspace.report("flagged.csv")
        let rows = flagged.split(separator: "\r\n")
        #expect(rows.first?.drop { $0 == "\u{FEFF}" }.hasPrefix("order_id,customer_name,customer_email,destination,flags") == true)
        #expect(flagged.contains("\"'=HYPERLINK(\"\"http://evil\"\")\""), "formula neutralised")
        #expect(!flagged.contains(",=HYPERLINK"))
        let summaryJSON = try workspace.report("summary.json")
        #expect(summaryJSON.contains("\"rows_rejected\" : 5"))
        // One dated folder and the link to it; no temporary files are left behind.
        let folders = try FileManager.default.contentsOfDirectory(atPath: workspace.reportDirectory.path).sorted()
        #expect(folders == ["2023-07-19T1600Z-run\(summary.runID)", "latest"], "named by the run's now in UTC (midnight in Shanghai)")
        let files = try FileManager.default.contentsOfDirectory(atPath: workspace.reportDirectory.appendingPathComponent("latest").path).sorted()
        #expect(files == ["flagged.csv", "report.html", "shipments.jsonl", "summary.json"])
    }

    @Test("A second run on the same database is refused at once while the first holds the lock")
    func lockContention() async throws {
        let workspace = try await BatchWorkspace()
        defer { Task { await workspace.stop() } }
        let lock = try RunLock(databasePath: workspace.databasePath)
        let path = try workspace.write("orders.csv", Self.header + "A,9400100000000000000051,,US,2023-07-01,\n")
        let error = await #expect(throws: NightlyRunError.self) {
            try await NightlyRun(configuration: workspace.configuration(input: path, asOf: "2023-07-20")).execute()
        }
        #expect(error.map { "\($0)" }?.contains("another shiptrack run") == true)
        #expect(error.map { "\($0)" }?.contains("\(getpid())") == true)
        withExtendedLifetime(lock) {}
    }

    @Test("An unreadable report folder and a missing order file are clear errors, nothing half-written")
    func fileErrors() async throws {
        let workspace = try await BatchWorkspace()
        defer { Task { await workspace.stop() } }
        await #expect(throws: NightlyRunError.self) {
            try await NightlyRun(configuration: workspace.configuration(input: "/nonexistent/orders.csv", asOf: "2023-07-20")).execute()
        }
        let path = try workspace.write("orders.csv", Self.header + "A,9400100000000000000051,,US,2023-07-01,\n")
        var configuration = try workspace.configuration(input: path, asOf: "2023-07-20")
        configuration.reportDirectory = "/proc/shiptrack-cannot-write-here"
        let error = await #expect(throws: NightlyRunError.self) {
            try await NightlyRun(configuration: configuration).execute()
        }
        #expect(error.map { "\($0)" }?.contains("/proc/shiptrack-cannot-write-here") == true)
    }

    @Test("The deadline reports unfinished shipments as not checked, never dropped")
    func deadline() async throws {
        let workspace = try await BatchWorkspace(latency: .milliseconds(300))
        defer { Task { await workspace.stop() } }
        var csv = Self.header
        for index in 0..<40 { csv += "O\(index),9400100000000000000051,,US,2023-07-01,\n" }
        let path = try workspace.write("orders.csv", csv)
        var configuration = try workspace.configuration(input: path, asOf: "2023-07-20")
        configuration.requestTimeout = .seconds(5)
        configuration.sources.allLimits = SourceLimits(concurrency: 2, requestsPerSecond: 0)
        configuration.deadline = .milliseconds(700)
        let summary = try await NightlyRun(configuration: configuration).execute()
        #expect(summary.input.shipments == 40)
        #expect(summary.outcomes.values.reduce(0, +) == 40)
        #expect((summary.outcomes["not_checked"] ?? 0) > 20)
        #expect(summary.outcomes["failed"] == nil, "stopping at the deadline is not a failure")
        #expect((summary.outcomes["checked"] ?? 0) >= 1)
        #expect(summary.failures.notChecked == summary.outcomes["not_checked"])
    }
}

/// Resumption continues only the very same work: same file, same file contents, same "now".
@Suite("Resuming an interrupted run", .serialized)
struct ResumptionTests {
    @Test("An unfinished run is not resumed on a rewritten file or with another --as-of")
    func onlyTheSameWorkResumes() async throws {
        let workspace = try await BatchWorkspace()
        defer { Task { await workspace.stop() } }
        let path = try workspace.write("orders.csv", NightlyRunTests.header + "A,9400100000000000000051,,US,2023-07-01,\n")
        let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
        let asOf = Date(timeIntervalSince1970: 1_689_811_200)  // 2023-07-20T00:00:00Z
        let store = try BatchStore(path: workspace.databasePath)

        // Last night's run on this path was killed; tonight's file at the same path has other contents.
        let stale = try store.beginRun(inputPath: absolute, inputIdentity: "last night's file", asOf: asOf, asOfGiven: true, now: asOf)
        let tonight = try await NightlyRun(configuration: workspace.configuration(input: path, asOf: "2023-07-20")).execute()
        #expect(!tonight.resumed)
        #expect(tonight.runID == stale.id + 1)
        #expect(try store.finishedRun(id: stale.id) == nil, "the abandoned run is closed, never reported")
    }
}
