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
        return migrator
    }()
}
