import ArgumentParser
import Foundation
import ShipTrackBatch

/// `shiptrack report`: the latest run's summary (or a chosen run's), from the database.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Print the summary of the latest finished run, or of --run ID, from the database.")

    @Option(name: .long, help: "The SQLite state file (default: \(BatchStore.defaultPath)).")
    var db: String?

    @Option(name: .customLong("run"), help: "The run to show.")
    var runID: Int64?

    @Flag(name: .long, help: "Print the stored summary JSON.")
    var json = false

    func run() throws {
        let path = db ?? BatchStore.defaultPath
        guard FileManager.default.fileExists(atPath: path) else {
            printError("shiptrack: no database at \(path) (run `shiptrack run ORDERS` first)")
            throw ExitCode(3)
        }
        do {
            let store = try BatchStore(path: path)
            guard let record = try store.finishedRun(id: runID), let text = record.summaryJSON else {
                printError("shiptrack: \(runID.map { "no finished run \($0)" } ?? "no finished run yet") in \(path)")
                throw ExitCode(2)
            }
            if json {
                print(text)
                return
            }
            let decoder = JSONDecoder()
            decoder.dateDecodingStrategy = .iso8601
            let summary = try decoder.decode(RunSummary.self, from: Data(text.utf8))
            print(summary.humanText)
        } catch let error as BatchStoreError {
            printError("shiptrack: \(error)")
            throw ExitCode(3)
        }
    }
}
