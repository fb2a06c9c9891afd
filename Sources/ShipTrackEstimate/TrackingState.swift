public import Foundation
public import ShipTrackModel

/// What the carrier said about a tracking number, if it was asked.
public enum TrackingState: Sendable {
    /// The carrier was not asked, or never answered (an offline estimate, a number not checked yet): nothing that
    /// depends on the carrier's status is concluded from it.
    case notFetched
    /// The carrier answered that it does not know the number.
    case notFound
    /// The carrier's answer: its events (possibly none, "no information available at the moment").
    case result(TrackingResult)
    /// The carrier's answer as the nightly run keeps it between nights: the few facts the estimate needs.
    case facts(TrackingFacts)
}

/// The few facts of a carrier's answer an estimate needs, as of a "now": the newest event not after it and the
/// first hand-over to the carrier. The nightly run keeps these per shipment, so it estimates every shipment every
/// night without reading its events again.
public struct TrackingFacts: Hashable, Sendable, Codable {
    /// The number as the carrier answered for it.
    public var trackingNumber: String
    /// The newest event's status and reason, when there is an event not after "now".
    public var newestStatus: TrackingStatus?
    public var newestReason: StatusReason?
    /// When the newest event happened (`nil` for an undated newest row).
    public var newestTime: EventTime?
    /// The oldest event showing the parcel in the carrier's hands on or after the order day.
    public var firstHandover: EventTime?

    public init(
        trackingNumber: String, newestStatus: TrackingStatus?, newestReason: StatusReason? = nil,
        newestTime: EventTime? = nil, firstHandover: EventTime? = nil
    ) {
        self.trackingNumber = trackingNumber
        self.newestStatus = newestStatus
        self.newestReason = newestReason
        self.newestTime = newestTime
        self.firstHandover = firstHandover
    }

    enum CodingKeys: String, CodingKey {
        case trackingNumber = "tracking_number"
        case newestStatus = "newest_status"
        case newestReason = "newest_reason"
        case newestTime = "newest_time"
        case firstHandover = "first_handover"
    }
}

extension TrackingFacts {
    /// The facts of a carrier's answer as of `now`, for an order placed at `orderedAt` (the store's `calendar`).
    public init(result: TrackingResult, orderedAt: Date, now: Date, calendar: BusinessCalendar) {
        self = CarrierView.facts(of: result, orderedAt: orderedAt, now: now, today: calendar.day(of: now), calendar: calendar)
    }
}
