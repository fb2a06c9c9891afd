import CarrierSimulator
import Foundation
import Logging
import Testing

/// What `shiptrack estimate`, `identify` and `lookup --ordered-at` print for calendar warnings, the guarantee's
/// clock, country suggestions, untracked S10 numbers and typing hints, run as the real binary.
@Suite("estimate and identify output", .serialized)
struct EstimateOutputTests {
    static let lateNovemberToNigeria = [
        "estimate", "--destination", "NG", "--ordered-at", "2026-11-30T10:00:00+08:00", "--as-of", "2026-12-01",
    ]

    @Test func anEstimateRunningInto2027ShowsTheCalendarWarning() throws {
        let outcome = try CommandRunner.run(Self.lateNovemberToNigeria)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stdout.contains("Calendar warnings\n  2027 has no official holiday list yet"))
        let json = try CommandRunner.run(Self.lateNovemberToNigeria + ["--json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let warnings = try #require(object["calendar_warnings"] as? [[String: Any]])
        #expect(warnings.map { $0["year"] as? Int } == [2027])
    }

    @Test func anEstimateWithin2026ShowsNone() throws {
        let outcome = try CommandRunner.run([
            "estimate", "--destination", "US", "--ordered-at", "2026-03-02", "--shipped-at", "2026-03-03",
            "--as-of", "2026-03-10",
        ])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(!outcome.stdout.contains("Calendar warnings"))
        // The guarantee's 45 days run from the hand-over when it is known.
        #expect(outcome.stdout.contains("45 days after 2026-03-03 (the hand-over)"))
    }

    @Test func aMisspeltCountrySuggestsTheNearestNames() throws {
        let outcome = try CommandRunner.run([
            "estimate", "--destination", "Untied States", "--ordered-at", "2026-03-02", "--as-of", "2026-03-10",
        ])
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains("\"Untied States\" is not a known country; did you mean United States (US)?"))
    }

    @Test func identifyNamesTheIssuingPostOfAnUntrackedS10Number() throws {
        let outcome = try CommandRunner.run(["identify", "RR 1234 5678 5 GB"])
        #expect(outcome.status == 2)
        #expect(outcome.stdout.contains("RR123456785GB  valid S10 number from GB (United Kingdom); no source tracks it"))
        #expect(outcome.stderr.contains("valid S10 number from GB (United Kingdom); no source tracks it"))
    }

    @Test func identifySaysWhatWasProbablyMistyped() throws {
        let swapped = try CommandRunner.run(["identify", "LX479216353CN"])
        #expect(swapped.status == 2)
        #expect(swapped.stdout.contains("digits 3 and 4 may be swapped: LX472916353CN would be valid"))
        let letter = try CommandRunner.run(["identify", "LKO83055129CN"])
        #expect(letter.stdout.contains("'O' in position 3 looks like a zero: LKO83055129CN → LK083055129CN is valid"))
    }

    /// The lookup's estimate block is the estimate's: an order of 2023, a year the policy has no holidays for.
    @Test func aLookupEstimateShowsTheCalendarWarning() async throws {
        let simulator = try CarrierSimulator(
            fixtures: CommandRunner.repositoryRoot.appendingPathComponent("Fixtures"),
            logger: Logger(label: "sim") { _ in SwiftLogNoOpLogHandler() })
        _ = try await simulator.start()
        defer { Task { try? await simulator.stop() } }
        let outcome = try CommandRunner.run([
            "lookup", "--base-url", simulator.baseURL, "LX100155549CN", "--destination", "US", "--ordered-at",
            "2023-06-28", "--as-of", "2023-07-20T12:00:00Z",
        ])
        #expect(outcome.stdout.contains("Calendar warnings"))
        #expect(outcome.stdout.contains("2023 has no official holiday list in the policy"))
    }
}
