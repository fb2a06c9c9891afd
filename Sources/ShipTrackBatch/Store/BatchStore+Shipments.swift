import Foundation
import GRDB
import ShipTrackModel

extension BatchStore {
    /// Inserts or refreshes shipments from the order file, marking them seen by `run`. Idempotent.
    func importShipments(_ shipments: [ImportedShipment], run: Int64) throws(BatchStoreError) {
        guard !shipments.isEmpty else { return }
        try write("import shipments") { db in
            let statement = try db.cachedStatement(
                sql: """
                    INSERT INTO shipments (order_id, tracking_number, carrier, destination, ordered_at, shipped_at,
                                           input_line, seen_run)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (order_id, tracking_number) DO UPDATE SET
                        carrier = excluded.carrier, destination = excluded.destination,
                        ordered_at = excluded.ordered_at, shipped_at = excluded.shipped_at,
                        input_line = excluded.input_line, seen_run = excluded.seen_run
                    """)
            for shipment in shipments {
                try statement.execute(arguments: [
                    shipment.orderID, shipment.trackingNumber, shipment.carrier?.rawValue, shipment.destination,
                    shipment.orderedAt.timeIntervalSince1970, shipment.shippedAt?.timeIntervalSince1970,
                    shipment.line, run,
                ])
            }
        }
    }

    /// The next shipments of `run` still to fetch, after `id`: shipped, not yet checked in this run, and not in a
    /// final state unless `refreshAll`.
    func dueShipments(run: Int64, after id: Int64, limit: Int, refreshAll: Bool) throws(BatchStoreError) -> [DueShipment] {
        try read("list shipments to check") { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT id, tracking_number, carrier, destination FROM shipments
                    WHERE seen_run = ? AND id > ? AND tracking_number != '' AND carrier IS NOT NULL
                      AND (checked_run IS NULL OR checked_run < ?)
                      AND (? OR status IS NULL OR NOT (status IN ('delivered', 'expired')
                                                       OR reason IS 'returned_to_sender'))
                    ORDER BY id LIMIT ?
                    """,
                arguments: [run, id, run, refreshAll, limit]
            ).map { row in
                DueShipment(
                    id: row["id"], trackingNumber: row["tracking_number"], carrier: CarrierID(row["carrier"] as String),
                    destination: row["destination"])
            }
        }
    }

    /// How many shipments of `run` are still to fetch (for the progress line's ETA).
    func dueCount(run: Int64, refreshAll: Bool) throws(BatchStoreError) -> Int {
        try read("count shipments to check") { db in
            try Int.fetchOne(
                db,
                sql: """
                    SELECT COUNT(*) FROM shipments
                    WHERE seen_run = ? AND tracking_number != '' AND carrier IS NOT NULL
                      AND (checked_run IS NULL OR checked_run < ?)
                      AND (? OR status IS NULL OR NOT (status IN ('delivered', 'expired')
                                                       OR reason IS 'returned_to_sender'))
                    """,
                arguments: [run, run, refreshAll]) ?? 0
        }
    }

    /// Records check outcomes and new events in one transaction: a shipment's result and its events land together
    /// or not at all. Events already stored (same key) are left as they are.
    func record(_ records: [CheckRecord], run: Int64) throws(BatchStoreError) {
        guard !records.isEmpty else { return }
        try write("record results") { db in
            let found = try db.cachedStatement(
                sql: """
                    UPDATE shipments SET
                        previous_status = CASE WHEN checked_run IS NULL OR checked_run < ?1 THEN status
                                               ELSE previous_status END,
                        status = ?2, reason = ?3, delivered_at = ?4, last_event_json = ?5,
                        checked_run = ?1, outcome = ?6, outcome_detail = ?7, attempts = ?8
                    WHERE id = ?9
                    """)
            let other = try db.cachedStatement(
                sql: """
                    UPDATE shipments SET checked_run = ?1, outcome = ?2, outcome_detail = ?3, attempts = ?4,
                        outcome_category = ?6,
                        previous_status = CASE WHEN checked_run IS NULL OR checked_run < ?1 THEN status
                                               ELSE previous_status END
                    WHERE id = ?5
                    """)
            let insertEvent = try db.cachedStatement(
                sql: """
                    INSERT OR IGNORE INTO events (shipment_id, event_key, local_time, utc_offset_seconds, time_zone,
                        date_only, status, reason, description, location_json, event_code, reported_by,
                        status_unrecognised, first_seen_run)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """)
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            for record in records {
                switch record.outcome {
                case .found(let result):
                    let lastEvent = try result.events.first.map { String(decoding: try encoder.encode($0), as: UTF8.self) }
                    try found.execute(arguments: [
                        run, result.status.rawValue, result.reason?.rawValue, result.deliveredAt?.description,
                        lastEvent, "checked",
                        result.legFailures.isEmpty ? nil : result.legFailures.map { "\($0.carrier): \($0.message)" }
                            .joined(separator: "; "),
                        record.attempts, record.shipmentID,
                    ])
                    for event in result.events {
                        try insertEvent.execute(arguments: [
                            record.shipmentID, EventKey.make(event), event.time?.local.description ?? "",
                            event.time?.utcOffsetSeconds, event.time?.timeZone, event.time?.dateOnly ?? false,
                            event.status.rawValue, event.reason?.rawValue, event.description,
                            String(decoding: try encoder.encode(event.location), as: UTF8.self), event.eventCode,
                            event.reportedBy.rawValue, event.statusUnrecognised, run,
                        ])
                    }
                case .notFound(let detail):
                    try other.execute(arguments: [run, "not_found", detail, record.attempts, record.shipmentID, nil])
                case .failed(let detail, let category):
                    try other.execute(arguments: [run, "failed", detail, record.attempts, record.shipmentID, category])
                case .notChecked(let detail):
                    try other.execute(arguments: [run, "not_checked", detail, record.attempts, record.shipmentID, "deadline"])
                }
            }
        }
    }

    /// Shipments seen by `run`, grouped by order, in pages; each with its stored events.
    func shipmentsByOrder(run: Int64, afterOrder orderID: String?, limit: Int) throws(BatchStoreError) -> [StoredShipment] {
        try read("read shipments") { db in
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT * FROM shipments WHERE seen_run = ? AND order_id > ?
                    AND order_id IN (SELECT DISTINCT order_id FROM shipments WHERE seen_run = ? AND order_id > ?
                                     ORDER BY order_id LIMIT ?)
                    ORDER BY order_id, id
                    """,
                arguments: [run, orderID ?? "", run, orderID ?? "", limit])
            let events = try db.cachedStatement(
                sql: "SELECT * FROM events WHERE shipment_id = ?")
            return try rows.map { row in
                let id: Int64 = row["id"]
                let stored = try Row.fetchAll(events, arguments: [id]).compactMap(BatchStore.event(from:))
                return StoredShipment(
                    id: id, orderID: row["order_id"], trackingNumber: row["tracking_number"],
                    carrier: (row["carrier"] as String?).map { CarrierID($0) }, destination: row["destination"],
                    orderedAt: Date(timeIntervalSince1970: row["ordered_at"]),
                    shippedAt: (row["shipped_at"] as Double?).map { Date(timeIntervalSince1970: $0) },
                    line: row["input_line"],
                    status: (row["status"] as String?).flatMap(TrackingStatus.init(rawValue:)),
                    reason: (row["reason"] as String?).flatMap(StatusReason.init(rawValue:)),
                    checkedRun: row["checked_run"], outcome: row["outcome"], outcomeDetail: row["outcome_detail"],
                    attempts: row["attempts"], outcomeCategory: row["outcome_category"], flags: FlagSet.parse(row["flags"]),
                    flagsRun: row["flags_run"],
                    previousStatus: (row["previous_status"] as String?).flatMap(TrackingStatus.init(rawValue:)),
                    previousFlags: FlagSet.parse(row["previous_flags"]), events: stored)
            }
        }
    }

    /// Saves each shipment's flags for `run`, keeping the flags of the previous run for change detection.
    func saveFlags(_ flags: [(shipmentID: Int64, flags: Set<String>)], run: Int64) throws(BatchStoreError) {
        guard !flags.isEmpty else { return }
        try write("save flags") { db in
            let statement = try db.cachedStatement(
                sql: """
                    UPDATE shipments SET
                        previous_flags = CASE WHEN flags_run IS NULL OR flags_run < ?1 THEN flags ELSE previous_flags END,
                        flags = ?2, flags_run = ?1
                    WHERE id = ?3
                    """)
            for (id, set) in flags { try statement.execute(arguments: [run, FlagSet.format(set), id]) }
        }
    }

    static func event(from row: Row) -> TrackingEvent? {
        guard let status = TrackingStatus(rawValue: row["status"]) else { return nil }
        let local = LocalDateTime(iso: row["local_time"])
        let location = (try? JSONDecoder().decode(EventLocation.self, from: Data((row["location_json"] as String).utf8)))
            ?? EventLocation()
        return TrackingEvent(
            time: local.map {
                EventTime(local: $0, utcOffsetSeconds: row["utc_offset_seconds"], timeZone: row["time_zone"], dateOnly: row["date_only"])
            },
            location: location, description: row["description"], eventCode: row["event_code"], status: status,
            reason: (row["reason"] as String?).flatMap(StatusReason.init(rawValue:)),
            reportedBy: CarrierID(row["reported_by"] as String), statusUnrecognised: row["status_unrecognised"])
    }
}

/// A stable identity for an event across fetches: its instant (or local time when the zone is unknown), its
/// normalized meaning, the leg that reported it and the carrier's words. Re-fetching the same timeline gives the
/// same keys, so events are stored once.
enum EventKey {
    static func make(_ event: TrackingEvent) -> String {
        let when = event.time.map { time in time.instantSeconds.map(String.init) ?? "local:\(time.local)" } ?? "undated:\(event.position)"
        return "\(when)|\(event.status.rawValue)|\(event.reason?.rawValue ?? "")|\(event.reportedBy)|\(event.description)"
    }
}

/// Flags stored as one text column: `,late,stalled,` (leading and trailing commas make `LIKE '%,late,%'` exact).
enum FlagSet {
    static func parse(_ text: String?) -> Set<String> {
        Set((text ?? "").split(separator: ",").map(String.init))
    }

    static func format(_ flags: Set<String>) -> String {
        flags.isEmpty ? "" : "," + flags.sorted().joined(separator: ",") + ","
    }
}
