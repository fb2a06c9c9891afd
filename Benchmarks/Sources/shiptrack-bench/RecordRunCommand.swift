import ArgumentParser
import Foundation

/// `shiptrack-bench record-run`: one record line for one `shiptrack run`, from what `/usr/bin/time -v` printed,
/// the run's `summary.json` and the database file.
struct RecordRunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "record-run",
        abstract: "Print a run record from /usr/bin/time -v output, summary.json and the database's size."
    )

    @Option(name: .customLong("time-output"), help: "What /usr/bin/time -v wrote (shiptrack's stderr).")
    var timeOutput: String

    @Option(help: "The run's summary.json.")
    var summary: String

    @Option(help: "The SQLite database (its -wal and -shm files count too).")
    var db: String

    @Option(help: "The run's exit status.")
    var exit: Int

    @Option(parsing: .singleValue, help: "key=value fields naming the case (shipments=10000, latency_ms=50, pass=1).")
    var tag: [String] = []

    func run() throws {
        let time = try TimeReport(parsing: String(contentsOfFile: timeOutput, encoding: .utf8))
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: summary))) as? [String: Any] ?? [:]
        let outcomes = json["outcomes"] as? [String: Int] ?? [:]
        let input = json["input"] as? [String: Any] ?? [:]
        let fetching = json["fetching"] as? [String: Any] ?? [:]
        // Shipments this run asked a carrier about: everything but the unshipped, the final ones it skipped and the
        // ones it never reached.
        let notFetched: Set<String> = ["not_shipped", "skipped_final", "not_checked"]
        let fetched = outcomes.filter { !notFetched.contains($0.key) }.values.reduce(0, +)
        let databaseBytes = ["", "-wal", "-shm"].compactMap { suffix in
            (try? FileManager.default.attributesOfItem(atPath: db + suffix))?[.size] as? Int
        }.reduce(0, +)

        var fields: [String: String] = [:]
        for item in tag {
            let parts = item.split(separator: "=", maxSplits: 1)
            if parts.count == 2 { fields[String(parts[0])] = String(parts[1]) }
        }
        fields["wall_seconds"] = MeasurementRecord.value(time.wallSeconds)
        fields["cpu_seconds"] = MeasurementRecord.value(time.userSeconds + time.systemSeconds)
        fields["max_rss_kb"] = String(time.maximumResidentKilobytes)
        fields["db_bytes"] = String(databaseBytes)
        fields["shipments"] = String(input["shipments"] as? Int ?? 0)
        fields["fetched"] = String(fetched)
        fields["skipped_final"] = String(outcomes["skipped_final"] ?? 0)
        fields["failed"] = String((outcomes["failed"] ?? 0) + (outcomes["not_checked"] ?? 0))
        fields["requests"] = String(fetching["requests"] as? Int ?? 0)
        fields["retries"] = String(fetching["retries"] as? Int ?? 0)
        // Every request per source: tracking (a batch counts once), registrations and access tokens.
        var allRequests = 0
        for (source, value) in fetching["sources"] as? [String: Any] ?? [:] {
            let counts = value as? [String: Any] ?? [:]
            let requests = ["tracking_requests", "registration_requests", "token_requests"]
                .map { counts[$0] as? Int ?? 0 }
            fields["requests.\(source)"] = requests.map(String.init).joined(separator: "/")
            allRequests += requests.reduce(0, +)
        }
        fields["all_requests"] = String(allRequests)
        // The batch's own rate over its fetch phase only (import and reports excluded): what the lanes achieved.
        fields["fetch_phase_rate"] = MeasurementRecord.value(fetching["shipments_per_second"] as? Double ?? 0)
        fields["exit"] = String(exit)
        print(MeasurementRecord(kind: "run", fields: fields).line)
    }
}

/// The figures `/usr/bin/time -v` prints after the command's own stderr.
struct TimeReport {
    var wallSeconds = 0.0
    var userSeconds = 0.0
    var systemSeconds = 0.0
    var maximumResidentKilobytes = 0

    init(parsing text: String) throws {
        var found = 0
        for line in text.split(separator: "\n") {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard let colon = trimmed.lastIndex(of: ":") else { continue }
            // The wall time's own value has colons (h:mm:ss or m:ss), so it is matched by its label.
            if trimmed.hasPrefix("Elapsed (wall clock) time") {
                let value = trimmed.components(separatedBy: "): ").last ?? ""
                wallSeconds = value.split(separator: ":").reduce(0.0) { $0 * 60 + (Double($1) ?? 0) }
                found += 1
                continue
            }
            let value = trimmed[trimmed.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            switch trimmed[..<colon] {
            case "User time (seconds)": userSeconds = Double(value) ?? 0; found += 1
            case "System time (seconds)": systemSeconds = Double(value) ?? 0; found += 1
            case "Maximum resident set size (kbytes)": maximumResidentKilobytes = Int(value) ?? 0; found += 1
            default: continue
            }
        }
        guard found == 4 else { throw BenchError("no /usr/bin/time -v report found (got \(found) of 4 figures)") }
    }
}
