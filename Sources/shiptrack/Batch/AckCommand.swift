import ArgumentParser
import Foundation
import ShipTrackBatch
import ShipTrackConfiguration
import ShipTrackEstimate

/// `shiptrack ack ORDER`: marks an order's flags handled, so the morning report moves them to "handled" until
/// something changes.
struct AckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ack",
        abstract: "Mark an order's flags handled (all of them, or --flag F).",
        discussion: """
            A handled flag moves to the report's "handled" section and is not new again until the order changes: \
            another flag, or a parcel's status. Flags: \(DeliveryFlag.Kind.allCases.map(\.rawValue).joined(separator: ", ")).
            """)

    @Argument(help: "The order ID.")
    var order: String

    @Option(name: .long, parsing: .singleValue, help: "The flag to mark handled (repeatable); default: every flag the order has.")
    var flag: [String] = []

    @Option(name: .long, help: "What was done (kept with the flag and shown in the report).")
    var note: String = ""

    @Option(name: .long, help: "The SQLite state file (default: the configuration's, else \(BatchStore.defaultPath)).")
    var db: String?

    @Option(name: .long, help: "The store's configuration file.", completion: .file())
    var config: String?

    func validate() throws {
        for name in flag where DeliveryFlag.Kind(rawValue: name) == nil {
            let known = DeliveryFlag.Kind.allCases.map(\.rawValue)
            let hint = known.first { $0.hasPrefix(String(name.prefix(3))) }.map { " (did you mean \($0)?)" } ?? ""
            throw ValidationError("--flag \(name) is not a flag\(hint); flags: \(known.joined(separator: ", "))")
        }
        guard note.utf8.count <= 2_000 else { throw ValidationError("--note is longer than 2,000 bytes") }
    }

    func run() throws {
        let files: StoreFiles
        do { files = StoreFiles(configuration: try .load(path: config)) } catch {
            printError("shiptrack: \(error)")
            throw ExitCode(2)
        }
        let path = files.databasePath(option: db)
        guard FileManager.default.fileExists(atPath: path) else {
            printError("shiptrack: no database at \(path) (run `shiptrack run ORDERS` first)")
            throw ExitCode(3)
        }
        do {
            let store = try BatchStore(path: path)
            let flags = try store.acknowledge(
                orderID: order, flags: flag.isEmpty ? nil : flag.compactMap(DeliveryFlag.Kind.init(rawValue:)), note: note,
                by: ProcessInfo.processInfo.environment["USER"], at: Date())
            if flags.isEmpty {
                print("order \(order) has no flag to mark handled")
            } else {
                print("order \(order): \(flags.map(\.rawValue).joined(separator: ", ")) marked handled")
            }
        } catch {
            printError("shiptrack: \(error)")
            throw ExitCode(2)
        }
    }
}
