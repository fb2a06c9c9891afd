import Foundation
import GRDB
import ShipTrackCarriers
import ShipTrackEstimate
import ShipTrackModel

extension BatchStore {
    /// Records a group of checks in one transaction (a group commit): each shipment's outcome, kept facts and events
    /// land together or not at all, and a run killed before the commit fetches them again.
    ///
    /// Each leg that answered replaces its stored events (events seen before keep the run that first saw them), so
    /// no rerun, merge or leg order ever stores a scan twice; a leg that failed keeps what it had. A partial
    /// timeline's events are stored, but the parcel's status and facts stay those of its last complete answer.
    func record(_ records: [CheckRecord], run: Int64, policy: StorePolicy) async throws(BatchStoreError)
    {
        guard !records.isEmpty else { return }
        try await writeAsync("record results") { db in
            try Self.record(records, run: run, policy: policy, in: db)
        }
    }

    private static func record(_ records: [CheckRecord], run: Int64, policy: StorePolicy, in db: Database) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let answered = try db.cachedStatement(
            sql: """
                UPDATE shipments SET
                    previous_status = CASE WHEN checked_run IS NULL OR checked_run < ?1 THEN status ELSE previous_status END,
                    status = ?2, reason = ?3, delivered_at = ?4, last_event_json = ?5, is_final = ?6, facts_json = ?7,
                    last_checked_at = ?8, last_event_english = ?9,
                    checked_run = ?1, outcome = ?10, outcome_detail = ?11, attempts = ?12, source = ?13,
                    failure_kind = ?14, last_attempt_at = ?8, timeline_partial = 0
                WHERE id = ?15
                """)
        let unanswered = try db.cachedStatement(
            sql: """
                UPDATE shipments SET
                    previous_status = CASE WHEN checked_run IS NULL OR checked_run < ?1 THEN status ELSE previous_status END,
                    checked_run = ?1, outcome = ?2, outcome_detail = ?3, attempts = ?4, source = ?5, failure_kind = ?6,
                    last_attempt_at = ?7, timeline_partial = ?8,
                    last_checked_at = CASE WHEN ?2 IN ('not_found', 'not_yet') THEN ?7 ELSE last_checked_at END
                WHERE id = ?9
                """)
        let check = try db.cachedStatement(
            sql: """
                INSERT OR REPLACE INTO checks (shipment_id, run_id, at, outcome, source, detail, attempts)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """)
        for record in records {
            let at = record.at.timeIntervalSince1970
            if let result = record.result {
                try replaceEvents(of: record.shipmentID, from: result, run: run, encoder: encoder, in: db)
            }
            if let result = record.result, !record.partial {
                let facts = TrackingFacts(result: result, orderedAt: record.orderedAt, now: record.at, calendar: policy.calendar)
                let newest = result.events.first
                try answered.execute(arguments: [
                    run, result.status.rawValue, result.reason?.rawValue, result.deliveredAt?.description,
                    try newest.map { String(decoding: try encoder.encode($0), as: UTF8.self) }, result.isFinal,
                    String(decoding: try encoder.encode(facts), as: UTF8.self), at, newest?.meaning,
                    record.outcome.rawValue, record.detail, record.attempts, record.source?.rawValue, record.failureKind,
                    record.shipmentID,
                ])
            } else {
                try unanswered.execute(arguments: [
                    run, record.outcome.rawValue, record.detail, record.attempts, record.source?.rawValue,
                    record.failureKind, at, record.partial, record.shipmentID,
                ])
            }
            try check.execute(arguments: [
                record.shipmentID, run, at, record.outcome.rawValue, record.source?.rawValue, record.detail, record.attempts,
            ])
        }
    }

    /// Replaces the stored events of each leg the result has events for.
    private static func replaceEvents(
        of shipment: Int64, from result: TrackingResult, run: Int64, encoder: JSONEncoder, in db: Database
    ) throws {
        let legs = Dictionary(grouping: result.events, by: \.reportedBy)
        let previous = try db.cachedStatement(sql: "SELECT event_key, first_seen_run FROM events WHERE shipment_id = ? AND leg = ?")
        let delete = try db.cachedStatement(sql: "DELETE FROM events WHERE shipment_id = ? AND leg = ?")
        let insert = try db.cachedStatement(
            sql: """
                INSERT OR IGNORE INTO events (shipment_id, leg, event_key, position, local_time, utc_offset_seconds,
                    time_zone, date_only, status, reason, description, meaning, location_json, event_code,
                    status_unrecognised, first_seen_run)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
        for (leg, events) in legs {
            var firstSeen: [String: Int64] = [:]
            for row in try Row.fetchAll(previous, arguments: [shipment, leg.rawValue]) {
                firstSeen[row["event_key"]] = row["first_seen_run"]
            }
            try delete.execute(arguments: [shipment, leg.rawValue])
            for event in events {
                let key = EventKey.make(event)
                try insert.execute(arguments: [
                    shipment, leg.rawValue, key, event.position, event.time?.local.description,
                    event.time?.utcOffsetSeconds, event.time?.timeZone, event.time?.dateOnly ?? false,
                    event.status.rawValue, event.reason?.rawValue, event.description, event.meaning,
                    String(decoding: try encoder.encode(event.location), as: UTF8.self), event.eventCode,
                    event.statusUnrecognised, firstSeen[key] ?? run,
                ])
            }
        }
    }

    /// The stored events of a shipment, every leg, merged newest first (for `shiptrack show`).
    func timeline(of shipment: Int64, carrier: CarrierID?, legOrder: [CarrierID]) throws(BatchStoreError) -> [TrackingEvent] {
        try read("read events") { db in
            let rows = try Row.fetchAll(db, sql: "SELECT * FROM events WHERE shipment_id = ?", arguments: [shipment])
            let events = rows.compactMap(Self.event(from:))
            let legs = Dictionary(grouping: events, by: \.reportedBy)
            return Timeline.merged(Array(legs.values), legOrder: legOrder)
        }
    }

    static func event(from row: Row) -> TrackingEvent? {
        guard let status = TrackingStatus(rawValue: row["status"]) else { return nil }
        let location = (try? JSONDecoder().decode(EventLocation.self, from: Data((row["location_json"] as String).utf8)))
            ?? EventLocation()
        let local = (row["local_time"] as String?).flatMap(LocalDateTime.init(iso:))
        return TrackingEvent(
            time: local.map {
                EventTime(local: $0, utcOffsetSeconds: row["utc_offset_seconds"], timeZone: row["time_zone"], dateOnly: row["date_only"])
            },
            location: location, description: row["description"], meaning: row["meaning"], eventCode: row["event_code"],
            status: status, reason: (row["reason"] as String?).flatMap(StatusReason.init(rawValue:)),
            reportedBy: CarrierID(row["leg"] as String), statusUnrecognised: row["status_unrecognised"],
            position: row["position"])
    }
}
