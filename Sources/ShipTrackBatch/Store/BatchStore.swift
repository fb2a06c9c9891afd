import Foundation
import GRDB

/// The nightly batch's state: one SQLite file holding shipments, their events and the runs.
///
/// Writes are transactional and the journal is WAL with `synchronous = FULL`, so a run killed at any point (or a
/// power loss) keeps every committed shipment and its events; what was in flight is fetched again on resume.
/// Uniqueness constraints (`order_id, tracking_number` for shipments, `shipment_id, event_key` for events) make
/// re-importing and re-writing idempotent: a resumed run never duplicates anything.
public final class BatchStore: Sendable {
    let queue: DatabaseQueue
    /// The database file.
    public let path: String

    /// Opens (creating if needed) and migrates the database at `path`.
    public init(path: String) throws(BatchStoreError) {
        self.path = path
        do {
            let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw BatchStoreError(path: path, operation: "create its folder", underlying: error)
        }
        var configuration = Configuration()
        configuration.label = "shiptrack"
        configuration.busyMode = .timeout(5)
        configuration.prepareDatabase { db in
            // FULL makes each commit durable against power loss, not only against a killed process.
            try db.execute(sql: "PRAGMA synchronous = FULL")
            try db.execute(sql: "PRAGMA foreign_keys = ON")
        }
        do {
            queue = try DatabaseQueue(path: path, configuration: configuration)
            try queue.writeWithoutTransaction { db in _ = try String.fetchOne(db, sql: "PRAGMA journal_mode = WAL") }
            try BatchSchema.migrator.migrate(queue)
        } catch {
            throw BatchStoreError(path: path, operation: "open", underlying: error)
        }
    }

    /// The default database: `$XDG_STATE_HOME/shiptrack/shiptrack.sqlite`, else `~/.local/state/shiptrack/...`.
    public static var defaultPath: String {
        stateDirectory.appendingPathComponent("shiptrack.sqlite").path
    }

    /// The default report folder, beside the default database.
    public static var defaultReportDirectory: String {
        stateDirectory.appendingPathComponent("reports").path
    }

    static var stateDirectory: URL {
        let environment = ProcessInfo.processInfo.environment
        if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") {
            return URL(fileURLWithPath: state).appendingPathComponent("shiptrack")
        }
        let home = environment["HOME"] ?? NSHomeDirectory()
        return URL(fileURLWithPath: home).appendingPathComponent(".local/state/shiptrack")
    }

    /// Runs `body` in one write transaction, turning database failures into ``BatchStoreError``.
    func write<T>(_ operation: String, _ body: (Database) throws -> T) throws(BatchStoreError) -> T {
        do { return try queue.write(body) } catch {
            throw BatchStoreError(path: path, operation: operation, underlying: error)
        }
    }

    func read<T>(_ operation: String, _ body: (Database) throws -> T) throws(BatchStoreError) -> T {
        do { return try queue.read(body) } catch {
            throw BatchStoreError(path: path, operation: operation, underlying: error)
        }
    }
}

/// A database failure, naming the file and what was being done.
public struct BatchStoreError: Error, CustomStringConvertible, @unchecked Sendable {
    public let path: String
    public let operation: String
    public let underlying: any Error

    public var description: String { "database \(path): cannot \(operation): \(underlying)" }
}
