public import Foundation
import GRDB
public import ShipTrackCarriers
public import ShipTrackEstimate
public import ShipTrackModel

/// What the database knows about one order, read without asking any carrier (`shiptrack show`): each parcel's
/// timeline, its estimate from the kept facts, its flags, and the history of its checks.
public struct OrderRecord: Sendable, Encodable {
    public let orderID: String
    public let customerName: String?
    public let customerEmail: String?
    public let destination: String
    public let orderedAt: Date
    /// The estimate as of the time asked for, from the carriers' kept answers; `nil` with `estimateError` when the
    /// order cannot be estimated (a destination the policy does not serve).
    public let estimate: OrderEstimate?
    public let estimateError: String?
    public let parcels: [ParcelRecord]
    /// Flags marked handled, with their notes.
    public let handled: [Handled]

    public struct ParcelRecord: Sendable, Encodable {
        /// Empty when the order has not shipped.
        public let trackingNumber: String
        public let carrier: CarrierID?
        public let status: TrackingStatus?
        public let reason: StatusReason?
        /// The flags the last run saved.
        public let flags: [DeliveryFlag.Kind]
        /// The source that last answered, and when a carrier last answered for it.
        public let source: SourceID?
        public let lastCheckedAt: Date?
        /// Whether the kept timeline misses a leg (its check ended partial).
        public let timelinePartial: Bool
        /// The kept events, every leg merged, oldest first.
        public let timeline: [TrackingEvent]
        /// Each run's check of it, newest first.
        public let checks: [Check]

        enum CodingKeys: String, CodingKey {
            case carrier, status, reason, flags, source, timeline, checks
            case trackingNumber = "tracking_number"
            case lastCheckedAt = "last_checked_at"
            case timelinePartial = "timeline_partial"
        }
    }

    /// One run's check of a parcel.
    public struct Check: Sendable, Encodable {
        public let run: Int64
        public let at: Date
        public let outcome: TrackingOutcome
        public let source: SourceID?
        public let detail: String?
        public let attempts: Int
    }

    /// A flag marked handled.
    public struct Handled: Sendable, Encodable {
        public let flag: DeliveryFlag.Kind
        public let note: String
        public let at: Date
        public let by: String?
    }

    enum CodingKeys: String, CodingKey {
        case destination, estimate, parcels, handled
        case orderID = "order_id"
        case customerName = "customer_name"
        case customerEmail = "customer_email"
        case orderedAt = "ordered_at"
        case estimateError = "estimate_error"
    }
}

extension BatchStore {
    /// The orders `key` names: the order with that ID, or the orders holding a parcel with that tracking number
    /// (spaces and case ignored). Empty when the database knows neither.
    public func orderRecords(
        matching key: String, estimator: Estimator, registry: CarrierRegistry, asOf: Date
    ) throws(BatchStoreError) -> [OrderRecord] {
        let number = key.uppercased().filter { !$0.isWhitespace && $0 != "-" }
        let orderIDs: [String] = try read("find the order") { db in
            let byOrder = try String.fetchAll(db, sql: "SELECT DISTINCT order_id FROM shipments WHERE order_id = ?", arguments: [key])
            if !byOrder.isEmpty { return byOrder }
            return try String.fetchAll(
                db, sql: "SELECT DISTINCT order_id FROM shipments WHERE tracking_number = ? ORDER BY order_id", arguments: [number])
        }
        let acknowledgements = try acknowledgements()
        var records: [OrderRecord] = []
        for orderID in orderIDs.prefix(20) {
            let parcels: [StoredShipment] = try read("read the order") { db in
                try Row.fetchAll(db, sql: "SELECT * FROM shipments WHERE order_id = ? ORDER BY id", arguments: [orderID]).map(Self.stored)
            }
            guard let first = parcels.first else { continue }
            let facts = OrderFacts(
                orderedAt: first.orderedAt, destination: first.destination,
                parcels: parcels.map { parcel in
                    parcel.trackingNumber.isEmpty
                        ? ParcelFacts(shippedAt: parcel.shippedAt)
                        : ParcelFacts(shippedAt: parcel.shippedAt, trackingNumber: parcel.trackingNumber, tracking: parcel.trackingState)
                })
            var estimate: OrderEstimate?
            var estimateError: String?
            do { estimate = try estimator.estimateOrder(facts, now: asOf) } catch { estimateError = "\(error)" }
            var parcelRecords: [OrderRecord.ParcelRecord] = []
            for parcel in parcels {
                let legOrder = parcel.carrier.map { carrier in
                    [carrier] + (registry.carriers[carrier]?.followOnLegs ?? []).map(\.carrier)
                } ?? []
                let timeline = try timeline(of: parcel.id, carrier: parcel.carrier, legOrder: legOrder)
                let checks: [OrderRecord.Check] = try read("read checks") { db in
                    try Row.fetchAll(
                        db, sql: "SELECT * FROM checks WHERE shipment_id = ? ORDER BY run_id DESC LIMIT 60", arguments: [parcel.id]
                    ).compactMap { row in
                        guard let outcome = TrackingOutcome(rawValue: row["outcome"]) else { return nil }
                        return OrderRecord.Check(
                            run: row["run_id"], at: Date(timeIntervalSince1970: row["at"]), outcome: outcome,
                            source: (row["source"] as String?).map { SourceID($0) }, detail: row["detail"], attempts: row["attempts"])
                    }
                }
                parcelRecords.append(
                    OrderRecord.ParcelRecord(
                        trackingNumber: parcel.trackingNumber, carrier: parcel.carrier, status: parcel.status,
                        reason: parcel.reason, flags: parcel.flags.sorted { $0.rawValue < $1.rawValue }, source: parcel.source,
                        lastCheckedAt: parcel.lastCheckedAt, timelinePartial: parcel.timelinePartial, timeline: timeline,
                        checks: checks))
            }
            let handled = (acknowledgements[orderID] ?? [:]).values.sorted { $0.flag.rawValue < $1.flag.rawValue }.map {
                OrderRecord.Handled(flag: $0.flag, note: $0.note, at: $0.at, by: $0.by)
            }
            records.append(
                OrderRecord(
                    orderID: orderID, customerName: first.customerName, customerEmail: first.customerEmail,
                    destination: first.destination, orderedAt: first.orderedAt, estimate: estimate,
                    estimateError: estimateError, parcels: parcelRecords, handled: handled))
        }
        return records
    }
}
