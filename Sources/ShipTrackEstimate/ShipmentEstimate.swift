public import Foundation
public import ShipTrackModel

/// The delivery estimate for one parcel: the promise, the expected window, the counters and the flags.
///
/// Encodes with stable snake_case keys (see `docs/estimator.md`): days as `YYYY-MM-DD` in the store's zone, instants
/// as ISO 8601 UTC; absent values are `null`, never missing keys.
public struct ShipmentEstimate: Hashable, Sendable {
    /// The parcel's name in an order estimate (its tracking number, or `parcel 2`); `nil` for a single shipment.
    public var parcel: String?
    /// The parcel's tracking number, from the facts or the carrier's result.
    public var trackingNumber: String?
    /// The destination as resolved.
    public var destination: ResolvedCountry
    /// When the order was placed.
    public var orderedAt: Date
    /// The day the order was placed, in the store's zone.
    public var orderedOn: CalendarDay
    /// The "now" of the estimate.
    public var asOf: Date
    /// The day of ``asOf`` in the store's zone.
    public var today: CalendarDay
    /// The last day of the processing window: order day + the maximum processing business days.
    public var processingDeadline: CalendarDay
    /// The window the customer was promised: order day + processing + transit business days, minimum to maximum.
    /// `nil` when the destination is not served.
    public var promised: DayWindow?
    /// When the parcel was handed over to the carrier, if known.
    public var handover: Handover?
    /// The window expected from the hand-over: hand-over day + transit business days. `nil` without a hand-over or
    /// for a destination not served.
    public var expected: DayWindow?
    /// What the carrier says, summarised.
    public var tracking: TrackingSummary
    /// The day the carrier reports delivery, if the newest event is a delivery.
    public var deliveredOn: CalendarDay?
    /// Calendar days from the hand-over day to the delivery day, or to today while not delivered.
    public var daysInTransit: Int?
    /// Business days from the hand-over day to the delivery day, or to today while not delivered.
    public var businessDaysInTransit: Int?
    /// While not delivered: business days from today to the latest promised date; 0 on that day, negative after it
    /// (how many business days past the promise).
    public var businessDaysUntilPromise: Int?
    /// For a delivered parcel: whether it arrived by the latest promised date.
    public var keptPromise: Bool?
    /// The refund guarantee's dates.
    public var guarantee: Guarantee
    /// One warning per year this estimate counts business days in without an official holiday list, oldest
    /// first; empty when every date rests on official lists. Dates counted through such a year may be too early.
    public var calendarWarnings: [CalendarWarning]
    /// The flags, in ``DeliveryFlag/Kind`` order.
    public var flags: [DeliveryFlag]

    /// Whether the carrier reports delivery.
    public var isDelivered: Bool { deliveredOn != nil }
    /// Whether the parcel is not delivered and past the latest promised date.
    public var isLate: Bool { flags.contains { $0.kind == .late } }

    /// Whether some date of the estimate was counted through a year without an official holiday list.
    public var hasCalendarWarnings: Bool { !calendarWarnings.isEmpty }

    /// Whether a flag of `kind` is raised.
    public func has(_ kind: DeliveryFlag.Kind) -> Bool { flags.contains { $0.kind == kind } }

    /// The hand-over of the parcel to the carrier.
    public struct Handover: Hashable, Sendable, Encodable {
        /// Where the hand-over day came from.
        public enum Source: String, Hashable, Sendable, Encodable {
            /// The carrier's first acceptance event (the oldest event showing the parcel in its hands).
            case carrierEvent = "carrier_event"
            /// The ship time the store recorded.
            case shipTime = "ship_time"
        }
        /// The day, in the store's zone.
        public let day: CalendarDay
        /// Where it came from.
        public let source: Source

        public init(day: CalendarDay, source: Source) {
            self.day = day
            self.source = source
        }

        enum CodingKeys: String, CodingKey {
            case day = "on"
            case source
        }
    }

    /// What the carrier says, summarised.
    public struct TrackingSummary: Hashable, Sendable, Encodable {
        /// How much the carrier said.
        public enum State: String, Hashable, Sendable, Encodable {
            /// No tracking number.
            case noTrackingNumber = "no_tracking_number"
            /// A number, but the carrier was not asked.
            case notFetched = "not_fetched"
            /// The carrier does not know the number.
            case notFound = "not_found"
            /// The carrier knows the number but has no events yet.
            case noInformation = "no_information"
            /// The carrier reports events.
            case events
        }
        /// How much the carrier said.
        public let state: State
        /// The newest event's status (events after "now" are ignored).
        public let status: TrackingStatus?
        /// The newest event's reason.
        public let reason: StatusReason?
        /// The newest event's day.
        public let lastEventOn: CalendarDay?

        public init(state: State, status: TrackingStatus?, reason: StatusReason?, lastEventOn: CalendarDay?) {
            self.state = state
            self.status = status
            self.reason = reason
            self.lastEventOn = lastEventOn
        }

        enum CodingKeys: String, CodingKey {
            case state, status, reason
            case lastEventOn = "last_event_on"
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(state, forKey: .state)
            try container.encode(status, forKey: .status)
            try container.encode(reason, forKey: .reason)
            try container.encode(lastEventOn, forKey: .lastEventOn)
        }
    }

    /// The delivery guarantee ("45 days not including processing") and the refund request window after it.
    public struct Guarantee: Hashable, Sendable, Encodable {
        /// What started the guarantee's clock.
        public enum Clock: String, Hashable, Sendable, Encodable {
            /// The hand-over to the carrier (``ShipmentEstimate/handover``).
            case handover
            /// The end of the processing window: no hand-over is known yet, or the policy fixes the clock there.
            case processingDeadline = "processing_deadline"
        }
        /// The day the clock started: the hand-over day when known, else the end of the processing window (see
        /// `refund.guarantee_starts`); the guarantee's days are counted after it.
        public let startsOn: CalendarDay
        /// What ``startsOn`` is.
        public let clock: Clock
        /// The guarantee's last day; a parcel not delivered by then is refund-eligible from the next day.
        public let endsOn: CalendarDay
        /// The days on which a refund can be requested: the day after ``endsOn`` to the last day, both included.
        public let refundWindow: DayWindow

        public init(startsOn: CalendarDay, clock: Clock, endsOn: CalendarDay, refundWindow: DayWindow) {
            self.startsOn = startsOn
            self.clock = clock
            self.endsOn = endsOn
            self.refundWindow = refundWindow
        }

        enum CodingKeys: String, CodingKey {
            case startsOn = "starts_on"
            case clock
            case endsOn = "ends_on"
            case refundWindow = "refund_window"
        }
    }
}

extension ShipmentEstimate: Encodable {
    enum CodingKeys: String, CodingKey {
        case parcel
        case trackingNumber = "tracking_number"
        case destination
        case orderedAt = "ordered_at"
        case orderedOn = "ordered_on"
        case asOf = "as_of"
        case today
        case processingDeadline = "processing_deadline"
        case promised, handover, expected, tracking
        case delivered
        case deliveredOn = "delivered_on"
        case daysInTransit = "days_in_transit"
        case businessDaysInTransit = "business_days_in_transit"
        case businessDaysUntilPromise = "business_days_until_promise"
        case keptPromise = "kept_promise"
        case late, guarantee, flags
        case calendarWarnings = "calendar_warnings"
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(parcel, forKey: .parcel)
        try container.encode(trackingNumber, forKey: .trackingNumber)
        try container.encode(destination, forKey: .destination)
        try container.encode(ISOTimestamp.utc(orderedAt), forKey: .orderedAt)
        try container.encode(orderedOn, forKey: .orderedOn)
        try container.encode(ISOTimestamp.utc(asOf), forKey: .asOf)
        try container.encode(today, forKey: .today)
        try container.encode(processingDeadline, forKey: .processingDeadline)
        try container.encode(promised, forKey: .promised)
        try container.encode(handover, forKey: .handover)
        try container.encode(expected, forKey: .expected)
        try container.encode(tracking, forKey: .tracking)
        try container.encode(isDelivered, forKey: .delivered)
        try container.encode(deliveredOn, forKey: .deliveredOn)
        try container.encode(daysInTransit, forKey: .daysInTransit)
        try container.encode(businessDaysInTransit, forKey: .businessDaysInTransit)
        try container.encode(businessDaysUntilPromise, forKey: .businessDaysUntilPromise)
        try container.encode(keptPromise, forKey: .keptPromise)
        try container.encode(isLate, forKey: .late)
        try container.encode(guarantee, forKey: .guarantee)
        try container.encode(calendarWarnings, forKey: .calendarWarnings)
        try container.encode(flags, forKey: .flags)
    }
}
