import Foundation
import GRDB

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The nightly batch's state: one SQLite file holding shipments, their events, checks, runs, registrations with
/// sources and the store's acknowledgements.
///
/// Writes are transactional and the journal is WAL with `synchronous = FULL`, so a run killed at any point (or a
/// power loss) keeps every committed shipment and its events; what was in flight is fetched again on resume.
/// Uniqueness constraints make re-importing and re-writing idempotent: a resumed run never duplicates anything.
/// The file is created readable by its owner only: it holds customers' names, addresses and parcels.
public final class BatchStore: Sendable {
    let queue: DatabaseQueue
    /// The database file.
    public let path: String
    /// Whether the store was opened only to read (`shiptrack report`, `show`).
    public let readOnly: Bool

    /// Opens (creating if needed) and migrates the database at `path`; with `readOnly`, opens an existing one
    /// without writing to it (read-only media included).
    public init(path: String, readOnly: Bool = false) throws(BatchStoreError) {
        self.path = path
        self.readOnly = readOnly
        var configuration = Configuration()
        configuration.label = "shiptrack"
        configuration.busyMode = .timeout(5)
        configuration.readonly = readOnly
        configuration.prepareDatabase { db in
            // FULL makes each commit durable against power loss, not only against a killed process.
            if !db.configuration.readonly { try db.execute(sql: "PRAGMA synchronous = FULL") }
            try db.execute(sql: "PRAGMA foreign_keys = ON")
        }
        if readOnly {
            guard FileManager.default.fileExists(atPath: path) else {
                throw BatchStoreError(path: path, operation: "open", underlying: StoreProblem("no database here"))
            }
            do {
                queue = try DatabaseQueue(path: path, configuration: configuration)
                let pending = try queue.read { db in try BatchSchema.migrator.hasCompletedMigrations(db) }
                guard pending else {
                    throw StoreProblem("it was written by an older shiptrack; run `shiptrack run` once to update it")
                }
            } catch {
                throw BatchStoreError(path: path, operation: "open to read", underlying: error)
            }
            return
        }
        do {
            let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
            try FileManager.default.createDirectory(
                at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw BatchStoreError(path: path, operation: "create its folder", underlying: error)
        }
        do {
            // Created owner-only before SQLite opens it, so no moment exists where others could read it.
            if !FileManager.default.fileExists(atPath: path) {
                let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
                if descriptor >= 0 { close(descriptor) }
            }
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

    /// Moves the write-ahead log into the database file and empties it (outside any transaction, as SQLite needs),
    /// then leaves the file in rollback-journal mode: a WAL database opens read-only only where its `-shm` file exists
    /// or can be made, so a copy of the one file in a read-only folder (found by the torture run) could not be read.
    /// The next writer turns WAL on again. With a reader open the mode stays WAL, which costs nothing but that.
    func checkpoint() throws(BatchStoreError) {
        do { try queue.writeWithoutTransaction { db in _ = try Row.fetchOne(db, sql: "PRAGMA wal_checkpoint(TRUNCATE)") } } catch {
            throw BatchStoreError(path: path, operation: "checkpoint its log", underlying: error)
        }
        _ = try? queue.writeWithoutTransaction { db in try String.fetchOne(db, sql: "PRAGMA journal_mode = DELETE") }
    }

    /// Runs `body` in one write transaction on GRDB's writer, without holding a thread of the cooperative pool while
    /// SQLite syncs (the nightly run's group commits).
    func writeAsync<T: Sendable>(_ operation: String, _ body: @escaping @Sendable (Database) throws -> T) async throws(BatchStoreError)
        -> T
    {
        do { return try await queue.write(body) } catch {
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

/// A problem with the database that is not SQLite's own error.
struct StoreProblem: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
