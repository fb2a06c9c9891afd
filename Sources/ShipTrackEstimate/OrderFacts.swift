public import Foundation

/// An order that may ship as several parcels: the input of ``Estimator/estimateOrder(_:now:)``.
///
/// The policy warns that "items in the same purchase will sometimes be sent in separate packages"; the promise is
/// the order's, and every parcel is held to it.
public struct OrderFacts: Sendable {
    /// When the order was placed (paid).
    public var orderedAt: Date
    /// Where it goes: an ISO 3166-1 code or an English country name.
    public var destination: String
    /// Its parcels. None yet means one parcel that has not shipped.
    public var parcels: [ParcelFacts]

    public init(orderedAt: Date, destination: String, parcels: [ParcelFacts]) {
        self.orderedAt = orderedAt
        self.destination = destination
        self.parcels = parcels
    }
}

/// What is known about one parcel of an order.
public struct ParcelFacts: Sendable {
    /// When the store recorded the parcel as shipped, if it did.
    public var shippedAt: Date?
    /// The parcel's tracking number, if it has one.
    public var trackingNumber: String?
    /// What the carrier said about the number.
    public var tracking: TrackingState

    public init(shippedAt: Date? = nil, trackingNumber: String? = nil, tracking: TrackingState = .notFetched) {
        self.shippedAt = shippedAt
        self.trackingNumber = trackingNumber
        self.tracking = tracking
    }
}

extension ShipmentFacts {
    /// The facts of one parcel of `order`.
    public init(order: OrderFacts, parcel: ParcelFacts) {
        self.init(
            orderedAt: order.orderedAt, destination: order.destination, shippedAt: parcel.shippedAt,
            trackingNumber: parcel.trackingNumber, tracking: parcel.tracking)
    }
}
