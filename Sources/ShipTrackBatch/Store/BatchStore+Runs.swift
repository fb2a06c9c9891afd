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
    /// How it ended; `nil` while running.
    public let ended: RunEnding?
    /// The summary JSON written when the run finished.
    public let summaryJSON: String?
    /// The folder of the run's reports.
    public let reportFolder: String?
}

/// How a run ended, as stored in `runs.ended_as`.
public enum RunEnding: String, Sendable, Hashable, Codable {
    /// It ran to the end and wrote its reports.
    case finished
    /// It was interrupted and another run (on another file or "now") took over: never reported.
    case abandoned
    /// Its order file was refused (most rows rejected): reports written beside the others, `latest` left alone.
    case refused
    /// A `--dry-run`: planned, nothing fetched.
    case planned
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
                        ended: nil, summaryJSON: nil, reportFolder: nil)
                }
                try db.execute(
                    sql: "UPDATE runs SET state = 'finished', ended_as = ?, finished_at = ? WHERE id = ?",
                    arguments: [RunEnding.abandoned.rawValue, now.timeIntervalSince1970, id])
            }
            try db.execute(
                sql: "INSERT INTO runs (started_at, as_of, input_path, input_identity, state) VALUES (?, ?, ?, ?, 'running')",
                arguments: [now.timeIntervalSince1970, asOf.timeIntervalSince1970, inputPath, inputIdentity])
            return RunRecord(
                id: db.lastInsertedRowID, startedAt: now, finishedAt: nil, asOf: asOf, inputPath: inputPath,
                resumed: false, ended: nil, summaryJSON: nil, reportFolder: nil)
        }
    }

    /// Marks the run ended, with its summary, its report folder and its flags per kind (for the history chart).
    public func finishRun(
        _ id: Int64, ended: RunEnding, summaryJSON: String, reportFolder: String?, flagCounts: [String: Int], at time: Date
    ) throws(BatchStoreError) {
        try write("finish run \(id)") { db in
            try db.execute(
                sql: """
                    UPDATE runs SET state = 'finished', ended_as = ?, finished_at = ?, summary_json = ?, report_folder = ?
                    WHERE id = ?
                    """,
                arguments: [ended.rawValue, time.timeIntervalSince1970, summaryJSON, reportFolder, id])
            try db.execute(sql: "DELETE FROM run_flags WHERE run_id = ?", arguments: [id])
            let insert = try db.cachedStatement(sql: "INSERT INTO run_flags (run_id, flag, count) VALUES (?, ?, ?)")
            for (flag, count) in flagCounts { try insert.execute(arguments: [id, flag, count]) }
        }
        // Everything into the database file itself, so a copy of that one file (a backup, read-only media for
        // `shiptrack report`) holds the whole night.
        try checkpoint()
    }

    /// The newest finished run (or the finished run with `id`), for `shiptrack report`.
    public func finishedRun(id: Int64? = nil) throws(BatchStoreError) -> RunRecord? {
        try read("read runs") { db in
            let row: Row? =
                if let id {
                    try Row.fetchOne(db, sql: "SELECT * FROM runs WHERE id = ? AND ended_as = 'finished'", arguments: [id])
                } else {
                    try Row.fetchOne(db, sql: "SELECT * FROM runs WHERE ended_as = 'finished' ORDER BY id DESC LIMIT 1")
                }
            return row.map(Self.runRecord)
        }
    }

    /// The finished run before `run`, if any: its "now" says what "since the last run" means.
    func previousFinishedRun(before run: Int64) throws(BatchStoreError) -> RunRecord? {
        try read("read runs") { db in
            try Row.fetchOne(
                db, sql: "SELECT * FROM runs WHERE id < ? AND ended_as = 'finished' ORDER BY id DESC LIMIT 1", arguments: [run]
            ).map(Self.runRecord)
        }
    }

    /// Flags per finished run, oldest first, for the last `limit` runs (the report's history chart).
    public func flagHistory(limit: Int) throws(BatchStoreError) -> [(asOf: Date, counts: [String: Int])] {
        try read("read the flag history") { db in
            let runs = try Row.fetchAll(
                db, sql: "SELECT id, as_of FROM runs WHERE ended_as = 'finished' ORDER BY id DESC LIMIT ?", arguments: [limit])
            var history: [(asOf: Date, counts: [String: Int])] = []
            for run in runs.reversed() {
                var counts: [String: Int] = [:]
                for row in try Row.fetchAll(db, sql: "SELECT flag, count FROM run_flags WHERE run_id = ?", arguments: [run["id"] as Int64]) {
                    counts[row["flag"]] = row["count"]
                }
                history.append((Date(timeIntervalSince1970: run["as_of"]), counts))
            }
            return history
        }
    }

    /// Report folders of finished runs, newest first.
    func reportFolders() throws(BatchStoreError) -> [String] {
        try read("read runs") { db in
            try String.fetchAll(db, sql: "SELECT report_folder FROM runs WHERE report_folder IS NOT NULL ORDER BY id DESC")
        }
    }

    static func runRecord(_ row: Row) -> RunRecord {
        RunRecord(
            id: row["id"], startedAt: Date(timeIntervalSince1970: row["started_at"]),
            finishedAt: (row["finished_at"] as Double?).map { Date(timeIntervalSince1970: $0) },
            asOf: Date(timeIntervalSince1970: row["as_of"]), inputPath: row["input_path"], resumed: false,
            ended: (row["ended_as"] as String?).flatMap(RunEnding.init(rawValue:)), summaryJSON: row["summary_json"],
            reportFolder: row["report_folder"])
    }
}
