import CarrierSimulator
import Foundation
import Logging
import Testing

/// `shiptrack lookup` end to end: the real binary, libcurl over loopback to the carrier simulator serving
/// `Fixtures/`, libxml2, and the documented exit statuses.
@Suite("shiptrack lookup end to end", .serialized)
struct LookupCommandTests {
    /// Starts the simulator on the repository's fixtures, runs `body` with its base URL, stops it.
    private func withSimulator(_ body: (String) throws -> Void) async throws {
        let simulator = try CarrierSimulator(
            fixtures: CommandRunner.repositoryRoot.appendingPathComponent("Fixtures"),
            logger: Logger(label: "sim") { _ in SwiftLogNoOpLogHandler() })
        _ = try await simulator.start()
        defer { Task { try? await simulator.stop() } }
        try body(simulator.baseURL)
    }

    /// EMS is asked through the EMS partner interface (the simulator's test token); the rest through the pages.
    static let emsToken = ["EMS_EUB_TOKEN": CommandRunner.apiCredentials["EMS_EUB_TOKEN"] ?? ""]

    private func lookup(_ base: String, _ arguments: [String]) throws -> CommandRunner.Outcome {
        try CommandRunner.run(["lookup", "--base-url", base] + arguments, environment: Self.emsToken)
    }

    @Test("A delivered USPS parcel prints its timeline and exits 0")
    func delivered() async throws {
        try await withSimulator { base in
            let outcome = try lookup(base, ["9400 1000 0000 0000 0000 51"])
            #expect(outcome.status == 0, "\(outcome.stderr)")
            let lines = outcome.stdout.split(separator: "\n")
            #expect(lines.first == "9400100000000000000051  USPS  delivered  via USPS Tracking page")
            #expect(outcome.stdout.contains("2023-07-18 13:23 -04:00  BRONX, NY 10467  Delivered, In/At Mailbox"))
            #expect(outcome.stdout.contains("2023-07-08 23:30 +08:00  CHINA  Origin Post is Preparing Shipment"))
            #expect(outcome.stderr.isEmpty)
        }
    }

    @Test("--json gives the documented fields")
    func json() async throws {
        try await withSimulator { base in
            let outcome = try lookup(base, ["--json", "9400100000000000000068"])
            #expect(outcome.status == 0)
            let entries = try #require(try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [[String: Any]])
            let entry = try #require(entries.first)
            #expect(entry["outcome"] as? String == "found")
            let result = try #require(entry["result"] as? [String: Any])
            #expect(result["status"] as? String == "attempt_fail")
            #expect(result["reason"] as? String == "notice_left")
            #expect(result["carrier"] as? String == "usps")
            #expect((result["source_url"] as? String)?.hasPrefix(base) == true)
            let events = try #require(result["events"] as? [[String: Any]])
            #expect(events.count == 4)
            let time = try #require(events.first?["time"] as? [String: Any])
            #expect(time["local_time"] as? String == "2023-06-02T14:41:00")
            #expect(time["utc_offset_seconds"] as? Int == -18_000)
            #expect(time["time_zone"] as? String == "America/Chicago")
            let location = try #require(events.first?["location"] as? [String: Any])
            #expect(location["postal_code"] as? String == "78701")
        }
    }

    @Test("ePacket to the US merges the China Post and USPS legs; EMS reads the partner interface's XML")
    func chinaPost() async throws {
        try await withSimulator { base in
            let epacket = try lookup(base, ["--destination", "US", "LX100077775CN"])
            #expect(epacket.status == 0, "\(epacket.stderr)")
            #expect(epacket.stdout.hasPrefix("LX100077775CN  ePacket (China Post)  delivered"))
            #expect(epacket.stdout.contains("[usps]"))
            #expect(epacket.stdout.contains("已收寄"))
            let ems = try lookup(base, ["EA100077775CN"])
            #expect(ems.status == 0, "\(ems.stderr)")
            #expect(ems.stdout.hasPrefix("EA100077775CN  EMS (China Post)  delivered  via China Post EMS EUB interface"))
            // China Post's scans abroad are local times whose zone it does not say (issue 11.4); at home, Beijing's.
            #expect(ems.stdout.contains("2023-07-07 14:02 (local)  PARIS  Delivered"))
            #expect(ems.stdout.contains("2023-07-01 10:14 +08:00  ShangHaiShi 20012000  Posting"))
        }
    }

    @Test("Exit statuses: not found 1, invalid 2, fetch failed 3, page not recognised 4", arguments: [
        ("9400100000000000000082", Int32(1), "not_found"),
        ("LX100155549CN", Int32(1), "not_found"),
        ("EA100155549CN", Int32(1), "not_found"),
        ("9400100000000000000014", Int32(2), "check digit"),
        ("HELLO-WORLD", Int32(2), "not a tracking number"),
        ("9400100000000000009016", Int32(3), "HTTP 500"),
        ("9400100000000000009023", Int32(3), "HTTP 503"),
        ("9400100000000000009047", Int32(3), "HTTP 404"),
        ("9400100000000000009054", Int32(3), "empty answer"),
        ("9400100000000000009061", Int32(3), "cut short"),
        ("9400100000000000009085", Int32(3), "timed out"),
        ("9400100000000000009092", Int32(3), "reset"),
        ("9400100000000000009108", Int32(3), "larger than"),
        ("EE999009016CN", Int32(3), "I00 系统内部错误"),
        ("9400100000000000009078", Int32(4), "layout not recognised"),
        ("9400100000000000000143", Int32(4), "layout not recognised"),
    ])
    func exitStatuses(number: String, status: Int32, words: String) async throws {
        try await withSimulator { base in
            let outcome = try CommandRunner.run(["lookup", "--base-url", base, "--timeout", "1", number], environment: Self.emsToken)
            #expect(outcome.status == status, "\(number): \(outcome.stderr)")
            let errorLines = outcome.stderr.split(separator: "\n")
            #expect(errorLines.count == 1, "one line on stderr: \(outcome.stderr)")
            let line = String(errorLines.first ?? "")
            #expect(line.contains(number.replacingOccurrences(of: "-", with: "")), "names the number: \(line)")
            if words != "not_found" { #expect(line.contains(words), "\(line)") }
        }
    }

    @Test("An unreachable carrier is a fetch failure")
    func unreachable() throws {
        let outcome = try CommandRunner.run(["lookup", "--base-url", "http://127.0.0.1:9", "9400100000000000000051"])
        #expect(outcome.status == 3)
        #expect(outcome.stderr.contains("could not connect"))
    }

    @Test("With several numbers every one is shown and the highest status wins")
    func severalNumbers() async throws {
        try await withSimulator { base in
            let outcome = try lookup(base, ["9400100000000000000051", "9400100000000000000082", "9400100000000000009016"])
            #expect(outcome.status == 3)
            #expect(outcome.stdout.contains("9400100000000000000051  USPS  delivered"))
            #expect(outcome.stderr.split(separator: "\n").count == 2)
        }
    }

    @Test("The base URL can come from the environment")
    func environmentBaseURL() async throws {
        try await withSimulator { base in
            let outcome = try CommandRunner.run(["lookup", "9400100000000000000013"], environment: ["SHIPTRACK_BASE_URL": base])
            #expect(outcome.status == 0)
            #expect(outcome.stdout.contains("info_received"))
            #expect(outcome.stdout.contains("Label Created, not yet in system"), "the page's one undated row, shown as such")
        }
    }
}

/// `lookup --destination --ordered-at --as-of` adds the store's estimate and flags to a live lookup.
@Suite("shiptrack lookup with an estimate", .serialized)
struct LookupEstimateTests {
    @Test("A live lookup carries the estimate; a number the carrier does not know is flagged no_tracking")
    func estimateAndFlags() async throws {
        let simulator = try CarrierSimulator(
            fixtures: CommandRunner.repositoryRoot.appendingPathComponent("Fixtures"),
            logger: Logger(label: "sim") { _ in SwiftLogNoOpLogHandler() })
        _ = try await simulator.start()
        defer { Task { try? await simulator.stop() } }
        let base = simulator.baseURL
        let order = ["--destination", "US", "--ordered-at", "2023-06-28", "--as-of", "2023-07-20T12:00:00Z"]

        let delivered = try CommandRunner.run(["lookup", "--base-url", base, "--json", "LX100077775CN"] + order)
        #expect(delivered.status == 0, "\(delivered.stderr)")
        let entries = try #require(try JSONSerialization.jsonObject(with: Data(delivered.stdout.utf8)) as? [[String: Any]])
        let estimate = try #require(entries.first?["estimate"] as? [String: Any])
        #expect(estimate["kept_promise"] as? Bool == true)
        #expect((estimate["flags"] as? [Any])?.isEmpty == true)

        let unknown = try CommandRunner.run(["lookup", "--base-url", base, "LX100155549CN"] + order)
        #expect(unknown.status == 1)
        #expect(unknown.stdout.contains("no_tracking:"))

        let badCountry = try CommandRunner.run(["lookup", "--base-url", base, "LX100155549CN", "--destination", "Narnia", "--ordered-at", "2023-06-28"])
        #expect(badCountry.status == 2)
        #expect(badCountry.stderr.hasPrefix("shiptrack: --destination: \"Narnia\""))

        let future = try CommandRunner.run(["lookup", "--base-url", base, "LX100155549CN", "--destination", "US", "--ordered-at", "2031-01-01", "--as-of", "2023-07-20"])
        #expect(future.status == 2)
        #expect(future.stderr.contains("--ordered-at"))
    }
}
