public import Foundation

/// What is known about one parcel of an order: the input of ``Estimator/estimate(_:now:)``.
public struct ShipmentFacts: Sendable {
    /// When the order was placed (paid).
    public var orderedAt: Date
    /// Where it goes: an ISO 3166-1 code or an English country name, resolved by ``CountryTable``.
    public var destination: String
    /// When the store recorded the parcel as shipped, if it did.
    public var shippedAt: Date?
    /// The parcel's tracking number, if it has one.
    public var trackingNumber: String?
    /// What the carrier said about the number.
    public var tracking: TrackingState

    public init(
        orderedAt: Date, destination: String, shippedAt: Date? = nil, trackingNumber: String? = nil,
        tracking: TrackingState = .notFetched
    ) {
        self.orderedAt = orderedAt
        self.destination = destination
        self.shippedAt = shippedAt
        self.trackingNumber = trackingNumber
        self.tracking = tracking
    }
}
