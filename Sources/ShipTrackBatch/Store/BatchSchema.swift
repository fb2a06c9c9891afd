import GRDB

/// Versioned schema migrations. Never edit a registered migration: add a new one.
enum BatchSchema {
    static let migrator: DatabaseMigrator = {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: runs, shipments, events") { db in
            try db.execute(
                sql: """
                    CREATE TABLE runs (
                        id INTEGER PRIMARY KEY,
                        started_at REAL NOT NULL,
                        finished_at REAL,
                        as_of REAL NOT NULL,
                        input_path TEXT NOT NULL,
                        state TEXT NOT NULL CHECK (state IN ('running', 'finished')),
                        summary_json TEXT
                    );
                    CREATE TABLE shipments (
                        id INTEGER PRIMARY KEY,
                        order_id TEXT NOT NULL,
                        tracking_number TEXT NOT NULL,
                        carrier TEXT,
                        destination TEXT NOT NULL,
                        ordered_at REAL NOT NULL,
                        shipped_at REAL,
                        input_line INTEGER NOT NULL,
                        seen_run INTEGER NOT NULL,
                        status TEXT,
                        reason TEXT,
                        delivered_at TEXT,
                        last_event_json TEXT,
                        checked_run INTEGER,
                        outcome TEXT,
                        outcome_detail TEXT,
                        attempts INTEGER NOT NULL DEFAULT 0,
                        flags TEXT NOT NULL DEFAULT '',
                        flags_run INTEGER,
                        previous_status TEXT,
                        previous_flags TEXT NOT NULL DEFAULT '',
                        UNIQUE (order_id, tracking_number)
                    );
                    CREATE INDEX shipments_by_run ON shipments (seen_run, id);
                    CREATE INDEX shipments_by_order ON shipments (seen_run, order_id, id);
                    CREATE TABLE events (
                        shipment_id INTEGER NOT NULL REFERENCES shipments (id) ON DELETE CASCADE,
                        event_key TEXT NOT NULL,
                        local_time TEXT NOT NULL,
                        utc_offset_seconds INTEGER,
                        time_zone TEXT,
                        date_only INTEGER NOT NULL,
                        status TEXT NOT NULL,
                        reason TEXT,
                        description TEXT NOT NULL,
                        location_json TEXT NOT NULL,
                        event_code TEXT,
                        reported_by TEXT NOT NULL,
                        status_unrecognised INTEGER NOT NULL,
                        first_seen_run INTEGER NOT NULL,
                        PRIMARY KEY (shipment_id, event_key)
                    ) WITHOUT ROWID;
                    """)
        }
        migrator.registerMigration("v2: input identity for resumption, failure category") { db in
            // A run resumes only on the very same order file (path, size, modification time, inode), so tonight's
            // rewritten file never inherits last night's half-done run.
            try db.execute(sql: "ALTER TABLE runs ADD COLUMN input_identity TEXT")
            try db.execute(sql: "ALTER TABLE shipments ADD COLUMN outcome_category TEXT")
        }
        migrator.registerMigration("v3: registrations with tracking sources") { db in
            // 17TRACK charges a unit per registration: a number is registered once, across nights and lookups.
            try db.execute(
                sql: """
                    CREATE TABLE registrations (
                        source TEXT NOT NULL,
                        tracking_number TEXT NOT NULL,
                        registered_at REAL NOT NULL,
                        PRIMARY KEY (source, tracking_number)
                    ) WITHOUT ROWID
                    """)
        }
        migrator.registerMigration("v4: typed outcomes, kept carrier facts, events per leg, checks, acknowledgements") { db in
            // Runs: how each ended, as a column (never searched for in the summary's text).
            try db.execute(sql: "ALTER TABLE runs ADD COLUMN ended_as TEXT")
            try db.execute(
                sql: """
                    UPDATE runs SET ended_as = CASE
                        WHEN state = 'running' THEN NULL
                        WHEN summary_json LIKE '%"abandoned":true%' THEN 'abandoned'
                        ELSE 'finished' END
                    """)
            try db.execute(sql: "ALTER TABLE runs ADD COLUMN report_folder TEXT")
            // Shipments: the typed outcome of the last check, the failure's kind as it happened, the source that
            // answered, when a carrier last answered, the carrier's facts kept for tomorrow's estimate, whether the
            // parcel is final (one definition, written when a result is stored), the customer, the report's place.
            for column in [
                "is_final INTEGER NOT NULL DEFAULT 0", "failure_kind TEXT", "source TEXT", "last_checked_at REAL",
                "last_attempt_at REAL", "facts_json TEXT", "timeline_partial INTEGER NOT NULL DEFAULT 0",
                "customer_name TEXT", "customer_email TEXT", "estimate_json TEXT", "report_group INTEGER",
                "report_rank INTEGER", "last_event_english TEXT",
            ] {
                try db.execute(sql: "ALTER TABLE shipments ADD COLUMN \(column)")
            }
            try db.execute(
                sql: "UPDATE shipments SET is_final = (status IN ('delivered', 'expired') OR reason IS 'returned_to_sender')")
            try db.execute(
                sql: """
                    UPDATE shipments SET outcome = CASE outcome
                        WHEN 'checked' THEN 'found'
                        WHEN 'failed' THEN CASE outcome_category WHEN 'page_not_recognised' THEN 'layout_not_recognised'
                                                                 ELSE 'fetch_failed' END
                        ELSE outcome END
                    """)
            try db.execute(sql: "CREATE INDEX shipments_due ON shipments (seen_run, is_final, checked_run)")
            try db.execute(sql: "CREATE INDEX shipments_report ON shipments (seen_run, report_group, report_rank, order_id)")
            // Events: stored per leg and replaced by each answer of that leg, so their identity never depends on
            // which leg's copy of a shared scan a merge kept, nor on which leg answered first. Undated rows are kept
            // (no local time) at their place in the carrier's listing.
            try db.execute(
                sql: """
                    CREATE TABLE events_v4 (
                        shipment_id INTEGER NOT NULL REFERENCES shipments (id) ON DELETE CASCADE,
                        leg TEXT NOT NULL,
                        event_key TEXT NOT NULL,
                        position INTEGER NOT NULL,
                        local_time TEXT,
                        utc_offset_seconds INTEGER,
                        time_zone TEXT,
                        date_only INTEGER NOT NULL,
                        status TEXT NOT NULL,
                        reason TEXT,
                        description TEXT NOT NULL,
                        meaning TEXT,
                        location_json TEXT NOT NULL,
                        event_code TEXT,
                        status_unrecognised INTEGER NOT NULL,
                        first_seen_run INTEGER NOT NULL,
                        PRIMARY KEY (shipment_id, leg, event_key)
                    ) WITHOUT ROWID;
                    INSERT OR IGNORE INTO events_v4 (shipment_id, leg, event_key, position, local_time, utc_offset_seconds,
                        time_zone, date_only, status, reason, description, meaning, location_json, event_code,
                        status_unrecognised, first_seen_run)
                    SELECT shipment_id, reported_by, event_key, 0, local_time, utc_offset_seconds, time_zone, date_only,
                        status, reason, description, NULL, location_json, event_code, status_unrecognised, first_seen_run
                    FROM events;
                    DROP TABLE events;
                    ALTER TABLE events_v4 RENAME TO events;
                    """)
            // Every check of a shipment, for `shiptrack show` (kept as long as the runs' reports).
            try db.execute(
                sql: """
                    CREATE TABLE checks (
                        shipment_id INTEGER NOT NULL REFERENCES shipments (id) ON DELETE CASCADE,
                        run_id INTEGER NOT NULL,
                        at REAL NOT NULL,
                        outcome TEXT NOT NULL,
                        source TEXT,
                        detail TEXT,
                        attempts INTEGER NOT NULL,
                        PRIMARY KEY (shipment_id, run_id)
                    ) WITHOUT ROWID
                    """)
            // Flags the store marked handled (`shiptrack ack`), with what the order looked like then.
            try db.execute(
                sql: """
                    CREATE TABLE acknowledgements (
                        order_id TEXT NOT NULL,
                        flag TEXT NOT NULL,
                        note TEXT NOT NULL,
                        at REAL NOT NULL,
                        by TEXT,
                        state_key TEXT NOT NULL,
                        PRIMARY KEY (order_id, flag)
                    ) WITHOUT ROWID
                    """)
            // Flags per night, for the report's 30-night chart.
            try db.execute(
                sql: """
                    CREATE TABLE run_flags (
                        run_id INTEGER NOT NULL,
                        flag TEXT NOT NULL,
                        count INTEGER NOT NULL,
                        PRIMARY KEY (run_id, flag)
                    ) WITHOUT ROWID
                    """)
        }
        return migrator
    }()
}
