public import Foundation
import GRDB

/// One nightly run as recorded in the database.
public struct RunRecord: Sendable, Hashable {
    public let id: Int64
    public let startedAt: Date
    public let finishedAt: Date?
    public let asOf: Date
    public let inputPath: String
    /// Whether this run continues one that was interrupted (killed, crashed) on the same input.
    public let resumed: Bool
    /// The summary JSON written when the run finished.
    public let summaryJSON: String?
}

extension BatchStore {
    /// Continues the latest run if it never finished and read the very same input file (same path and identity,
    /// and the same `--as-of` when one is given); otherwise starts a new one.
    ///
    /// A run left unfinished on another input is closed first, so a changed or rewritten order file never
    /// inherits another file's half-done work.
    public func beginRun(inputPath: String, inputIdentity: String, asOf: Date, asOfGiven: Bool, now: Date)
        throws(BatchStoreError) -> RunRecord
    {
        try write("start a run") { db in
            if let row = try Row.fetchOne(
                db,
                sql: "SELECT id, started_at, as_of, input_path, input_identity FROM runs WHERE state = 'running' ORDER BY id DESC LIMIT 1")
            {
                let id: Int64 = row["id"]
                let sameAsOf = !asOfGiven || (row["as_of"] as Double) == asOf.timeIntervalSince1970
                if row["input_path"] == inputPath, row["input_identity"] == inputIdentity, sameAsOf {
                    return RunRecord(
                        id: id, startedAt: Date(timeIntervalSince1970: row["started_at"]), finishedAt: nil,
                        asOf: Date(timeIntervalSince1970: row["as_of"]), inputPath: inputPath, resumed: true,
                        summaryJSON: nil)
                }
                try db.execute(
                    sql: "UPDATE runs SET state = 'finished', finished_at = ?, summary_json = ? WHERE id = ?",
                    arguments: [now.timeIntervalSince1970, #"{"abandoned":true}"#, id])
            }
            try db.execute(
                sql: "INSERT INTO runs (started_at, as_of, input_path, input_identity, state) VALUES (?, ?, ?, ?, 'running')",
                arguments: [now.timeIntervalSince1970, asOf.timeIntervalSince1970, inputPath, inputIdentity])
            return RunRecord(
                id: db.lastInsertedRowID, startedAt: now, finishedAt: nil, asOf: asOf, inputPath: inputPath,
                resumed: false, summaryJSON: nil)
        }
    }

    /// Marks the run finished with its summary.
    public func finishRun(_ id: Int64, summaryJSON: String, at time: Date) throws(BatchStoreError) {
        try write("finish run \(id)") { db in
            try db.execute(
                sql: "UPDATE runs SET state = 'finished', finished_at = ?, summary_json = ? WHERE id = ?",
                arguments: [time.timeIntervalSince1970, summaryJSON, id])
        }
    }

    /// The newest finished run (or the run with `id`), for `shiptrack report`.
    public func finishedRun(id: Int64? = nil) throws(BatchStoreError) -> RunRecord? {
        try read("read runs") { db in
            let row: Row?
            if let id {
                row = try Row.fetchOne(
                    db, sql: "SELECT * FROM runs WHERE id = ? AND state = 'finished' AND summary_json NOT LIKE '%\"abandoned\"%'",
                    arguments: [id])
            } else {
                row = try Row.fetchOne(
                    db,
                    sql: "SELECT * FROM runs WHERE state = 'finished' AND summary_json NOT LIKE '%\"abandoned\"%' ORDER BY id DESC LIMIT 1")
            }
            return row.map { row in
                RunRecord(
                    id: row["id"], startedAt: Date(timeIntervalSince1970: row["started_at"]),
                    finishedAt: (row["finished_at"] as Double?).map { Date(timeIntervalSince1970: $0) },
                    asOf: Date(timeIntervalSince1970: row["as_of"]), inputPath: row["input_path"], resumed: false,
                    summaryJSON: row["summary_json"])
            }
        }
    }
}
