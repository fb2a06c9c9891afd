public import Foundation
public import ShipTrackEstimate

/// One valid row of an order file: one order, or one more parcel of an order already seen (same ``orderID``).
///
/// Every field is checked: the country is known, the times parse and the ship time is not before the order time.
/// Tracking numbers are only trimmed, not validated: identifying them is the batch's job.
public struct OrderRow: Hashable, Sendable {
    /// The physical line the row starts on (1 is the first line of the file, the header of a CSV file).
    public var line: Int
    /// The store's order number, trimmed.
    public var orderID: String
    /// The row's tracking numbers in file order, trimmed; empty when nothing has shipped yet.
    public var trackingNumbers: [String]
    /// The carrier the file names, trimmed, or `nil` when the column is absent or empty.
    public var carrier: String?
    /// The destination as the country table resolved it.
    public var destination: ResolvedCountry
    /// The destination as the file wrote it, trimmed (`Deutschland`, `GB`).
    public var rawDestination: String
    /// When the order was placed. Not checked against "now": the batch knows what "now" is.
    public var orderedAt: Date
    /// When the parcel was recorded as shipped, if the file says; never before ``orderedAt``.
    public var shippedAt: Date?

    public init(
        line: Int, orderID: String, trackingNumbers: [String], carrier: String?, destination: ResolvedCountry,
        rawDestination: String, orderedAt: Date, shippedAt: Date?
    ) {
        self.line = line
        self.orderID = orderID
        self.trackingNumbers = trackingNumbers
        self.carrier = carrier
        self.destination = destination
        self.rawDestination = rawDestination
        self.orderedAt = orderedAt
        self.shippedAt = shippedAt
    }
}
