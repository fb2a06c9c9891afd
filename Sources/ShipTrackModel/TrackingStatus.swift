/// The normalized status of a parcel or of one tracking event.
///
/// The set follows AfterShip's well-known taxonomy so that store staff recognise it.
/// Raw values are the stable names used in JSON, CSV and carrier definition files.
public enum TrackingStatus: String, Sendable, Codable, CaseIterable, Comparable {
    /// The carrier has no information yet.
    case pending
    /// A label exists or electronic information was received; the parcel is not yet with the carrier.
    case infoReceived = "info_received"
    /// The parcel is moving through the carrier's network.
    case inTransit = "in_transit"
    /// The parcel is on the vehicle for final delivery.
    case outForDelivery = "out_for_delivery"
    /// A delivery was attempted and failed (for example a notice was left).
    case attemptFail = "attempt_fail"
    /// The parcel waits at a post office or pickup point for the recipient.
    case availableForPickup = "available_for_pickup"
    /// The parcel was delivered.
    case delivered
    /// Something went wrong: customs hold, return to sender, loss, damage. See ``StatusReason``.
    case exception
    /// The carrier stopped tracking the parcel without a final state.
    case expired

    /// The order in a parcel's life cycle, used only to break ties between events at the same instant.
    var lifecycleRank: Int {
        switch self {
        case .pending: 0
        case .infoReceived: 1
        case .inTransit: 2
        case .outForDelivery: 3
        case .attemptFail: 4
        case .availableForPickup: 5
        case .exception: 6
        case .expired: 7
        case .delivered: 8
        }
    }

    public static func < (lhs: TrackingStatus, rhs: TrackingStatus) -> Bool {
        lhs.lifecycleRank < rhs.lifecycleRank
    }

    /// Whether a parcel in this status will not change any more, so a nightly run need not fetch it again.
    public var isFinal: Bool { self == .delivered || self == .expired }
}
