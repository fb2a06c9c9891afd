import CarrierSimulator
import Foundation
import Logging
import Testing

/// Every command that takes a time reads the forms shop platforms and spreadsheets write, through one parser.
@Suite("Times in shop and spreadsheet forms on every command", .serialized)
struct TimeFormatCommandTests {
    /// Forms of 2026-11-20 10:00 in the store's zone (UTC+8).
    static let forms = [
        "2026-11-20 10:00:00 +0800", "2026-11-19 21:00:00 -0500", "2026-11-20T10:00:00.000+08:00",
        "11/20/2026 10:00", "20/11/2026 10:00",
    ]

    @Test(arguments: forms)
    func estimateReadsEveryForm(form: String) throws {
        let outcome = try CommandRunner.run([
            "estimate", "--destination", "US", "--ordered-at", form, "--shipped-at", form, "--as-of", form,
        ])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stdout.contains("2026-11-20T10:00:00+08:00"), "\(outcome.stdout)")
    }

    @Test func estimateTakesADateOrderForAmbiguousDates() throws {
        let ambiguous = try CommandRunner.run(["estimate", "--destination", "US", "--ordered-at", "03/04/2026"])
        #expect(ambiguous.status == 2)
        #expect(ambiguous.stderr.contains("--ordered-at: \"03/04/2026\" is ambiguous"), "\(ambiguous.stderr)")
        let dayFirst = try CommandRunner.run([
            "estimate", "--destination", "US", "--ordered-at", "03/04/2026", "--as-of", "2026-04-10", "--date-order",
            "dmy",
        ])
        #expect(dayFirst.status == 0, "\(dayFirst.stderr)")
        #expect(dayFirst.stdout.contains("2026-04-03T00:00:00+08:00"), "\(dayFirst.stdout)")
    }

    @Test func runReadsAsOfInEveryForm() throws {
        // The order file is missing, so the run stops when it opens it: after --as-of was accepted.
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("shiptrack-times-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for form in Self.forms {
            let outcome = try CommandRunner.run([
                "run", folder.appendingPathComponent("orders.csv").path, "--as-of", form, "--db",
                folder.appendingPathComponent("state.sqlite").path, "--report-dir",
                folder.appendingPathComponent("reports").path,
            ])
            #expect(outcome.status == 2)
            #expect(!outcome.stderr.contains("--as-of"), "\(form): \(outcome.stderr)")
            #expect(outcome.stderr.contains("orders.csv"), "\(form): \(outcome.stderr)")
        }
    }

    @Test func lookupReadsEveryForm() async throws {
        let simulator = try CarrierSimulator(
            fixtures: CommandRunner.repositoryRoot.appendingPathComponent("Fixtures"),
            logger: Logger(label: "sim") { _ in SwiftLogNoOpLogHandler() })
        _ = try await simulator.start()
        defer { Task { try? await simulator.stop() } }
        let outcome = try CommandRunner.run([
            "lookup", "--base-url", simulator.baseURL, "LX100077775CN", "--destination", "US", "--ordered-at",
            "06/28/2023 10:00", "--shipped-at", "2023-06-29 09:00:00 +0800", "--as-of", "2023-07-20 12:00:00 -0500",
        ])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stdout.contains("2023-06-28T10:00:00+08:00"), "\(outcome.stdout)")
    }
}
