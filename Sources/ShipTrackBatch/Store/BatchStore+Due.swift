import Foundation
import GRDB
import ShipTrackModel

extension BatchStore {
    /// The one definition of "due tonight": seen in this run's order file, shipped with a known carrier, not yet
    /// checked in this run, and not final (unless everything is refreshed). `?1` is the run, `?2` the refresh flag.
    static let dueCondition = """
        seen_run = ?1 AND tracking_number != '' AND carrier IS NOT NULL
        AND (checked_run IS NULL OR checked_run < ?1) AND (?2 OR is_final = 0)
        """

    /// The next shipments of `run` due tonight, after `id`.
    func dueShipments(run: Int64, after id: Int64, limit: Int, refreshAll: Bool) throws(BatchStoreError) -> [DueShipment] {
        try read("list shipments to check") { db in
            try Row.fetchAll(
                db,
                sql: "SELECT id, tracking_number, carrier, destination, ordered_at FROM shipments WHERE \(Self.dueCondition) AND id > ?3 ORDER BY id LIMIT ?4",
                arguments: [run, refreshAll, id, limit]
            ).map(Self.due)
        }
    }

    /// How many shipments of `run` are due tonight.
    func dueCount(run: Int64, refreshAll: Bool) throws(BatchStoreError) -> Int {
        try read("count shipments to check") { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM shipments WHERE \(Self.dueCondition)", arguments: [run, refreshAll]) ?? 0
        }
    }

    /// Every shipment due tonight with what planning within quotas needs: when it was last checked, the dates its
    /// flags may change on (from last night's estimate) and its newest event's day.
    func dueForPlanning(run: Int64, refreshAll: Bool) throws(BatchStoreError) -> [PlanningRow] {
        try read("list shipments to plan") { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT id, tracking_number, carrier, destination, ordered_at, checked_run, last_checked_at, estimate_json
                    FROM shipments WHERE \(Self.dueCondition) ORDER BY id
                    """,
                arguments: [run, refreshAll]
            ).map { row in
                PlanningRow(
                    shipment: Self.due(row), everChecked: (row["last_checked_at"] as Double?) != nil,
                    boundaries: (row["estimate_json"] as String?).flatMap { PlanningRow.Boundaries(json: $0) })
            }
        }
    }

    private static func due(_ row: Row) -> DueShipment {
        DueShipment(
            id: row["id"], trackingNumber: row["tracking_number"], carrier: CarrierID(row["carrier"] as String),
            destination: row["destination"], orderedAt: Date(timeIntervalSince1970: row["ordered_at"]))
    }
}
