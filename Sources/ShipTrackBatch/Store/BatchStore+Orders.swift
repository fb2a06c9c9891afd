import Foundation
import GRDB
import ShipTrackEstimate
import ShipTrackModel

/// What the report pass saves for a shipment: its flags (keeping the previous run's for change detection), the
/// days its flags may change on (for planning), and its order's place in the morning report.
struct ReportUpdate: Sendable {
    let shipmentID: Int64
    let flags: Set<DeliveryFlag.Kind>
    let boundaries: String
    /// The order's section and rank in report.html; `nil` when it is only counted.
    let group: Int?
    let rank: Int?
}

extension BatchStore {
    /// Shipments seen by `run`, whole orders at a time, in order ID order: compact rows, never events.
    func shipmentsByOrder(run: Int64, afterOrder orderID: String?, limit: Int) throws(BatchStoreError) -> [StoredShipment] {
        try read("read shipments") { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT * FROM shipments WHERE seen_run = ? AND order_id > ?
                    AND order_id IN (SELECT DISTINCT order_id FROM shipments WHERE seen_run = ? AND order_id > ?
                                     ORDER BY order_id LIMIT ?)
                    ORDER BY order_id, id
                    """,
                arguments: [run, orderID ?? "", run, orderID ?? "", limit]
            ).map(Self.stored)
        }
    }

    /// Shipments of the orders the morning report lists, in the report's order (section, rank, order ID), after
    /// `key`; whole orders at a time.
    func listedShipments(run: Int64, after key: (group: Int, rank: Int, orderID: String)?, limit: Int) throws(BatchStoreError)
        -> [StoredShipment]
    {
        try read("read listed orders") { db in
            let start = key ?? (group: Int.min, rank: Int.min, orderID: "")
            return try Row.fetchAll(
                db,
                sql: """
                    WITH listed AS (
                        SELECT DISTINCT report_group, report_rank, order_id FROM shipments
                        WHERE seen_run = ?1 AND report_group IS NOT NULL
                          AND (report_group, report_rank, order_id) > (?2, ?3, ?4)
                        ORDER BY report_group, report_rank, order_id LIMIT ?5)
                    SELECT shipments.* FROM shipments JOIN listed USING (order_id)
                    WHERE shipments.seen_run = ?1
                    ORDER BY listed.report_group, listed.report_rank, shipments.order_id, shipments.id
                    """,
                arguments: [run, start.group, start.rank, start.orderID, limit]
            ).map(Self.stored)
        }
    }

    /// Events first seen in `run`, per shipment of `shipments`: what changed since the last run.
    func newEventCounts(of shipments: [Int64], run: Int64) throws(BatchStoreError) -> [Int64: Int] {
        guard !shipments.isEmpty else { return [:] }
        return try read("count new events") { db in
            var counts: [Int64: Int] = [:]
            let statement = try db.cachedStatement(
                sql: "SELECT COUNT(*) FROM events WHERE shipment_id = ? AND first_seen_run = ?")
            for id in shipments {
                let count = try Int.fetchOne(statement, arguments: [id, run]) ?? 0
                if count > 0 { counts[id] = count }
            }
            return counts
        }
    }

    /// Saves the report pass's results for a group of shipments in one transaction.
    func saveReport(_ updates: [ReportUpdate], run: Int64) throws(BatchStoreError) {
        guard !updates.isEmpty else { return }
        try write("save flags") { db in
            let statement = try db.cachedStatement(
                sql: """
                    UPDATE shipments SET
                        previous_flags = CASE WHEN flags_run IS NULL OR flags_run < ?1 THEN flags ELSE previous_flags END,
                        flags = ?2, flags_run = ?1, estimate_json = ?3, report_group = ?4, report_rank = ?5
                    WHERE id = ?6
                    """)
            for update in updates {
                try statement.execute(arguments: [
                    run, FlagSet.format(update.flags), update.boundaries, update.group, update.rank, update.shipmentID,
                ])
            }
        }
    }

    static func stored(_ row: Row) -> StoredShipment {
        let decoder = JSONDecoder()
        return StoredShipment(
            id: row["id"], orderID: row["order_id"], trackingNumber: row["tracking_number"],
            carrier: (row["carrier"] as String?).map { CarrierID($0) }, destination: row["destination"],
            orderedAt: Date(timeIntervalSince1970: row["ordered_at"]),
            shippedAt: (row["shipped_at"] as Double?).map { Date(timeIntervalSince1970: $0) },
            line: row["input_line"], customerName: row["customer_name"], customerEmail: row["customer_email"],
            status: (row["status"] as String?).flatMap(TrackingStatus.init(rawValue:)),
            reason: (row["reason"] as String?).flatMap(StatusReason.init(rawValue:)), isFinal: row["is_final"],
            checkedRun: row["checked_run"], outcome: (row["outcome"] as String?).flatMap(TrackingOutcome.init(rawValue:)),
            failureKind: row["failure_kind"], outcomeDetail: row["outcome_detail"], attempts: row["attempts"],
            source: (row["source"] as String?).map { SourceID($0) },
            lastCheckedAt: (row["last_checked_at"] as Double?).map { Date(timeIntervalSince1970: $0) },
            lastAttemptAt: (row["last_attempt_at"] as Double?).map { Date(timeIntervalSince1970: $0) },
            facts: (row["facts_json"] as String?).flatMap { try? decoder.decode(TrackingFacts.self, from: Data($0.utf8)) },
            timelinePartial: row["timeline_partial"], flags: FlagSet.parse(row["flags"]), flagsRun: row["flags_run"],
            previousStatus: (row["previous_status"] as String?).flatMap(TrackingStatus.init(rawValue:)),
            previousFlags: FlagSet.parse(row["previous_flags"]),
            lastEvent: (row["last_event_json"] as String?).flatMap { try? decoder.decode(TrackingEvent.self, from: Data($0.utf8)) },
            reportGroup: row["report_group"], reportRank: row["report_rank"])
    }
}
