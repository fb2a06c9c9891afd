import ArgumentParser
import Foundation

/// `shiptrack-bench record-hyperfine`: one record line from hyperfine's `--export-json` file.
struct RecordHyperfineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "record-hyperfine",
        abstract: "Print a record of the median wall time hyperfine measured."
    )

    @Argument(help: "hyperfine's --export-json file.")
    var json: String

    @Option(help: "The record's kind.")
    var kind = "lookup"

    func run() throws {
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: json))) as? [String: Any]
        guard let result = (object?["results"] as? [[String: Any]])?.first, let times = result["times"] as? [Double],
            !times.isEmpty
        else { throw BenchError("\(json): no hyperfine results") }
        let codes = result["exit_codes"] as? [Int] ?? []
        print(
            MeasurementRecord(
                kind: kind,
                fields: [
                    "runs": String(times.count), "median_seconds": MeasurementRecord.value(median(times) ?? 0),
                    "failed_runs": String(codes.filter { $0 != 0 }.count),
                ]
            ).line)
    }
}
