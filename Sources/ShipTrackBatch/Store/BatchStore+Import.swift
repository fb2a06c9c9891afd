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
                                           input_line, seen_run, customer_name, customer_email)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (order_id, tracking_number) DO UPDATE SET
                        carrier = excluded.carrier, destination = excluded.destination,
                        ordered_at = excluded.ordered_at, shipped_at = excluded.shipped_at,
                        input_line = excluded.input_line, seen_run = excluded.seen_run,
                        customer_name = excluded.customer_name, customer_email = excluded.customer_email
                    """)
            for shipment in shipments {
                try statement.execute(arguments: [
                    shipment.orderID, shipment.trackingNumber, shipment.carrier?.rawValue, shipment.destination,
                    shipment.orderedAt.timeIntervalSince1970, shipment.shippedAt?.timeIntervalSince1970,
                    shipment.line, run, shipment.customerName, shipment.customerEmail,
                ])
            }
        }
    }
}
