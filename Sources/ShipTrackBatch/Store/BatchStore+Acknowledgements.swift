public import Foundation
import GRDB
public import ShipTrackEstimate

/// A flag the store marked handled (`shiptrack ack`), with what the order looked like then: it stays handled
/// until something changes (a new flag, another carrier status).
public struct StoredAcknowledgement: Sendable, Hashable {
    public let orderID: String
    public let flag: DeliveryFlag.Kind
    public let note: String
    public let at: Date
    public let by: String?
    /// The order's flags and parcel statuses when it was acknowledged.
    public let stateKey: String
}

extension BatchStore {
    /// Every acknowledgement, by order.
    func acknowledgements() throws(BatchStoreError) -> [String: [DeliveryFlag.Kind: StoredAcknowledgement]] {
        try read("read acknowledgements") { db in
            var byOrder: [String: [DeliveryFlag.Kind: StoredAcknowledgement]] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT * FROM acknowledgements") {
                guard let flag = DeliveryFlag.Kind(rawValue: row["flag"]) else { continue }
                let acknowledgement = StoredAcknowledgement(
                    orderID: row["order_id"], flag: flag, note: row["note"], at: Date(timeIntervalSince1970: row["at"]),
                    by: row["by"], stateKey: row["state_key"])
                byOrder[acknowledgement.orderID, default: [:]][flag] = acknowledgement
            }
            return byOrder
        }
    }

    /// Marks `flags` of `orderID` handled as of its current state; the order's current flags when `flags` is
    /// `nil`. Returns the flags acknowledged.
    public func acknowledge(
        orderID: String, flags requested: [DeliveryFlag.Kind]?, note: String, by: String?, at: Date
    ) throws(BatchStoreError) -> [DeliveryFlag.Kind] {
        try write("acknowledge") { db in
            let rows = try Row.fetchAll(
                db, sql: "SELECT flags, status, tracking_number FROM shipments WHERE order_id = ? ORDER BY id",
                arguments: [orderID])
            guard !rows.isEmpty else { throw StoreProblem("no order \(orderID) in the database") }
            let current = rows.reduce(into: Set<DeliveryFlag.Kind>()) { $0.formUnion(FlagSet.parse($1["flags"])) }
            let flags = requested ?? current.sorted { $0.rawValue < $1.rawValue }
            if let missing = flags.first(where: { !current.contains($0) }) {
                throw StoreProblem(
                    "order \(orderID) has no \(missing.rawValue) flag (it has: \(current.isEmpty ? "none" : current.map(\.rawValue).sorted().joined(separator: ", ")))")
            }
            let key = Self.stateKey(
                flags: current, statuses: rows.map { ($0["tracking_number"] as String, ($0["status"] as String?) ?? "") })
            let statement = try db.cachedStatement(
                sql: "INSERT OR REPLACE INTO acknowledgements (order_id, flag, note, at, by, state_key) VALUES (?, ?, ?, ?, ?, ?)")
            for flag in flags {
                try statement.execute(arguments: [orderID, flag.rawValue, note, at.timeIntervalSince1970, by, key])
            }
            return flags
        }
    }

    /// What an acknowledgement remembers of an order: its flags and each parcel's status. A change of either
    /// reopens the handled flags.
    static func stateKey(flags: Set<DeliveryFlag.Kind>, statuses: [(String, String)]) -> String {
        flags.map(\.rawValue).sorted().joined(separator: ",") + "|"
            + statuses.sorted { $0.0 < $1.0 }.map { "\($0.0)=\($0.1)" }.joined(separator: ",")
    }
}
