import Foundation
import ShipTrackBatch
import ShipTrackEstimate
import Testing

/// The morning report across nights (issue 12): a flag marked handled stays out of the action list until something
/// changes, a flag that clears is reported once, old report folders go after their retention, a quiet night says
/// nothing.
@Suite("Morning report across nights", .serialized)
struct ReportHistoryTests {
    static let orders = """
        order_id,tracking_number,carrier,destination,ordered_at,shipped_at
        T1,9400100000000000000037,,US,2023-06-20,
        D1,9400100000000000000051,,US,2023-07-01,

        """

    /// The text of a section of report.html (`handled`, `cleared`), or "" when the night has none.
    static func section(_ id: String, of html: String) -> String {
        guard let start = html.range(of: "<section id=\"\(id)\"") else { return "" }
        let rest = html[start.lowerBound...]
        guard let end = rest.range(of: "</section>") else { return String(rest) }
        return String(rest[..<end.upperBound])
    }

    @Test("Handled until something changes, then new again; a cleared flag is reported once")
    func handledAndCleared() async throws {
        let workspace = try await BatchWorkspace()
        defer { Task { await workspace.stop() } }
        let path = try workspace.write("orders.csv", Self.orders)
        func night(_ asOf: String) async throws -> (summary: RunSummary, html: String, csv: String) {
            let summary = try await NightlyRun(configuration: workspace.configuration(input: path, asOf: asOf)).execute()
            return (summary, try workspace.report("report.html"), try workspace.report("flagged.csv"))
        }

        // Night 1 and 2: T1 is stalled, then late too.
        _ = try await night("2023-07-25")
        let second = try await night("2023-08-10")
        #expect(second.summary.changes.newlyLate == 1)
        let store = try BatchStore(path: workspace.databasePath)
        let acknowledged = try store.acknowledge(orderID: "T1", flags: nil, note: "emailed the customer", by: "test", at: Date())
        #expect(Set(acknowledged) == [.late, .stalled])

        // Night 3: nothing changed, so T1 is in the handled section with its note, not among the actions.
        let third = try await night("2023-08-11")
        #expect(Self.section("handled", of: third.html).contains("T1"))
        #expect(Self.section("handled", of: third.html).contains("emailed the customer"))
        #expect(third.csv.contains("late: emailed the customer"))
        #expect(third.summary.newProblems.isEmpty, "a handled flag is not new")

        // Night 4: the refund window opened (a new flag): T1 needs action again.
        let fourth = try await night("2023-08-15")
        #expect(fourth.summary.changes.newlyRefundEligible == 1)
        #expect(!Self.section("handled", of: fourth.html).contains("T1"))
        #expect(fourth.summary.newProblems.contains { $0.contains("T1") && $0.contains("refund_eligible") })

        // Night 5: the refund window closed: the flag cleared, reported once; night 6 does not repeat it.
        let fifth = try await night("2023-08-30")
        #expect(Self.section("cleared", of: fifth.html).contains("T1"))
        let sixth = try await night("2023-08-31")
        #expect(!Self.section("cleared", of: sixth.html).contains("T1"))
    }

    @Test("Report folders older than the retention are removed; the latest never is")
    func retention() async throws {
        let workspace = try await BatchWorkspace()
        defer { Task { await workspace.stop() } }
        let path = try workspace.write("orders.csv", Self.orders)
        var configuration = try workspace.configuration(input: path, asOf: "2023-07-25")
        configuration.keepReportDays = 7
        let first = try await NightlyRun(configuration: configuration).execute()
        let oldFolder = try #require(first.reportFolder)
        // The first night's folder was written 10 days ago.
        try FileManager.default.setAttributes(
            [.modificationDate: Date().addingTimeInterval(-10 * 86_400)], ofItemAtPath: oldFolder)
        configuration.asOf = configuration.asOf?.addingTimeInterval(86_400)
        let second = try await NightlyRun(configuration: configuration).execute()
        #expect(!FileManager.default.fileExists(atPath: oldFolder))
        #expect(FileManager.default.fileExists(atPath: try #require(second.reportFolder)))
        let latest = try FileManager.default.destinationOfSymbolicLink(atPath: workspace.reportDirectory.appendingPathComponent("latest").path)
        #expect(second.reportFolder?.hasSuffix(latest) == true)
    }

    @Test("A quiet night has nothing to say; a night with a new problem says it in a few lines with the report's path")
    func quietText() async throws {
        let workspace = try await BatchWorkspace()
        defer { Task { await workspace.stop() } }
        let delivered = try workspace.write("delivered.csv", "order_id,tracking_number,carrier,destination,ordered_at,shipped_at\nD1,9400100000000000000051,,US,2023-07-01,\n")
        let quiet = try await NightlyRun(configuration: workspace.configuration(input: delivered, asOf: "2023-07-20")).execute()
        #expect(quiet.quietText == nil, "\(quiet.quietText ?? "")")
        let stalled = try workspace.write("stalled.csv", Self.orders)
        let loud = try await NightlyRun(configuration: workspace.configuration(input: stalled, asOf: "2023-07-25")).execute()
        let text = try #require(loud.quietText)
        #expect(text.contains("T1"))
        #expect(text.split(separator: "\n").count <= 8)
        #expect(text.hasSuffix("latest/report.html"))
    }
}
