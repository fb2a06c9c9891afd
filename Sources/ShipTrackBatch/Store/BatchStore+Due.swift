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

    /// How many shipments of `run` are due tonight, per carrier.
    func dueCountsByCarrier(run: Int64, refreshAll: Bool) throws(BatchStoreError) -> [CarrierID: Int] {
        try read("count shipments to check") { db in
            var counts: [CarrierID: Int] = [:]
            for row in try Row.fetchAll(
                db, sql: "SELECT carrier, COUNT(*) AS n FROM shipments WHERE \(Self.dueCondition) GROUP BY carrier",
                arguments: [run, refreshAll])
            {
                counts[CarrierID(row["carrier"] as String)] = row["n"]
            }
            return counts
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
    /// Only `carriers`' shipments are read: the rows of carriers whose sources have no budget to plan against are
    /// counted, never held (see ``dueCountsByCarrier(run:refreshAll:)``).
    func dueForPlanning(run: Int64, refreshAll: Bool, carriers: Set<CarrierID>) throws(BatchStoreError) -> [PlanningRow] {
        guard !carriers.isEmpty else { return [] }
        let names = carriers.map(\.rawValue).sorted()
        return try read("list shipments to plan") { db in
            var arguments: StatementArguments = [run, refreshAll]
            arguments += StatementArguments(names)
            let placeholders = names.indices.map { "?\($0 + 3)" }.joined(separator: ", ")
            return try Row.fetchAll(
                db,
                sql: """
                    SELECT id, tracking_number, carrier, destination, ordered_at, checked_run, last_checked_at, estimate_json
                    FROM shipments WHERE \(Self.dueCondition) AND carrier IN (\(placeholders)) ORDER BY id
                    """,
                arguments: arguments
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
