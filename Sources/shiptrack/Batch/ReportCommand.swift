import ArgumentParser
import Foundation
import ShipTrackBatch
import ShipTrackConfiguration

/// `shiptrack report`: the latest run's summary (or a chosen run's), from the database, opened read-only.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Print the summary of the latest finished run, or of --run ID, from the database.",
        discussion: """
            The database is opened read-only, so this works on a copy on read-only media and never waits for a \
            running batch. --html prints the path of the run's report.html (kept for reports.keep_days days).
            """)

    @Option(name: .long, help: "The SQLite state file (default: the configuration's, else \(BatchStore.defaultPath)).")
    var db: String?

    @Option(name: .customLong("run"), help: "The run to show.")
    var runID: Int64?

    @Flag(name: .long, help: "Print the stored summary JSON.")
    var json = false

    @Flag(name: .long, help: "Print the path of the run's report.html instead of the summary.")
    var html = false

    @Option(name: .long, help: "The store's configuration file.", completion: .file())
    var config: String?

    func validate() throws {
        if json && html { throw ValidationError("--json and --html cannot be used together") }
    }

    func run() throws {
        let configuration: StoreFiles
        do { configuration = StoreFiles(configuration: try .load(path: config)) } catch {
            printError("shiptrack: \(error)")
            throw ExitCode(2)
        }
        let path = configuration.databasePath(option: db)
        guard FileManager.default.fileExists(atPath: path) else {
            printError("shiptrack: no database at \(path) (run `shiptrack run ORDERS` first)")
            throw ExitCode(3)
        }
        do {
            let store = try BatchStore(path: path, readOnly: true)
            guard let record = try store.finishedRun(id: runID), let text = record.summaryJSON else {
                printError("shiptrack: \(runID.map { "no finished run \($0)" } ?? "no finished run yet") in \(path)")
                throw ExitCode(2)
            }
            if json {
                print(text)
                return
            }
            if html {
                guard let folder = record.reportFolder,
                    FileManager.default.fileExists(atPath: folder + "/report.html")
                else {
                    printError("shiptrack: run \(record.id)'s report folder is gone (older than reports.keep_days)")
                    throw ExitCode(3)
                }
                print(folder + "/report.html")
                return
            }
            let decoder = JSONDecoder()
            decoder.dateDecodingStrategy = .iso8601
            let summary = try decoder.decode(RunSummary.self, from: Data(text.utf8))
            print(summary.humanText)
            if let folder = record.reportFolder { print("reports: \(folder)") }
        } catch let error as BatchStoreError {
            printError("shiptrack: \(error)")
            throw ExitCode(3)
        }
    }
}
