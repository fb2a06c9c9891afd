public import Foundation

/// Everything known about one tracking number after one lookup.
public struct TrackingResult: Sendable, Codable {
    /// The number as normalised (upper case, no spaces or dashes).
    public var trackingNumber: String
    /// The carrier that was asked (for a two-leg ePacket, `epacket`).
    public var carrier: CarrierID
    /// Events, newest first.
    public var events: [TrackingEvent]
    /// The current normalized status: the newest event's, or `pending` with no events.
    public var status: TrackingStatus
    /// The reason behind the current status, when there is one.
    public var reason: StatusReason?
    /// When the parcel was delivered, if it was.
    public var deliveredAt: EventTime?
    /// When this result was fetched.
    public var fetchedAt: Date
    /// The page or interface the events came from (the first leg's, for a merged timeline).
    public var sourceURL: String
    /// Legs that could not be fetched while others could (for example the USPS leg of an ePacket).
    public var legFailures: [LegFailure]

    public init(
        trackingNumber: String, carrier: CarrierID, events: [TrackingEvent], fetchedAt: Date, sourceURL: String,
        legFailures: [LegFailure] = [], statusWithoutEvents: TrackingStatus = .pending
    ) {
        let sorted = events.sorted(by: TrackingEvent.newestFirst)
        self.trackingNumber = trackingNumber
        self.carrier = carrier
        self.events = sorted
        self.status = sorted.first?.status ?? statusWithoutEvents
        self.reason = sorted.first?.reason
        // Delivered only while the newest event says so: a return scan after a delivery scan undoes it.
        self.deliveredAt = self.status == .delivered ? sorted.first?.time : nil
        self.fetchedAt = fetchedAt
        self.sourceURL = sourceURL
        self.legFailures = legFailures
    }

    /// Whether the parcel will not change any more (delivered, returned to sender, expired).
    public var isFinal: Bool { status.isFinal || reason?.isFinal == true }

    enum CodingKeys: String, CodingKey {
        case trackingNumber = "tracking_number"
        case carrier, events, status, reason
        case deliveredAt = "delivered_at"
        case fetchedAt = "fetched_at"
        case sourceURL = "source_url"
        case legFailures = "leg_failures"
    }
}

/// A leg of a multi-carrier timeline that failed while the others succeeded.
public struct LegFailure: Hashable, Sendable, Codable {
    /// The carrier of the failed leg.
    public var carrier: CarrierID
    /// What went wrong, in one line.
    public var message: String

    public init(carrier: CarrierID, message: String) {
        self.carrier = carrier
        self.message = message
    }
}
