/// One scan or status change reported by a carrier, normalized.
public struct TrackingEvent: Hashable, Sendable, Codable {
    /// When it happened, in the carrier's local time with the offset when known.
    public var time: EventTime
    /// Where it happened.
    public var location: EventLocation
    /// The carrier's own words, whitespace folded (for example `Arrived at USPS Regional Facility`, `已妥投`).
    public var description: String
    /// The carrier's event code, when its page or interface gives one.
    public var eventCode: String?
    /// The normalized status this event means.
    public var status: TrackingStatus
    /// The finer reason, when the carrier says more.
    public var reason: StatusReason?
    /// The carrier whose page reported this event (for a two-leg ePacket: `epacket` or `usps`).
    public var reportedBy: CarrierID
    /// True when the description matched no rule of the carrier's status table and ``status`` is the safe default.
    public var statusUnrecognised: Bool

    public init(
        time: EventTime, location: EventLocation, description: String, eventCode: String? = nil,
        status: TrackingStatus, reason: StatusReason? = nil, reportedBy: CarrierID, statusUnrecognised: Bool = false
    ) {
        self.time = time
        self.location = location
        self.description = description
        self.eventCode = eventCode
        self.status = status
        self.reason = reason
        self.reportedBy = reportedBy
        self.statusUnrecognised = statusUnrecognised
    }

    enum CodingKeys: String, CodingKey {
        case time, location, description
        case eventCode = "event_code"
        case status, reason
        case reportedBy = "reported_by"
        case statusUnrecognised = "status_unrecognised"
    }
}

extension TrackingEvent {
    /// Orders events newest first by ``EventTime/sortSeconds`` (the instant where the zone is known), and at the
    /// same moment by life-cycle stage (delivered after out for delivery).
    public static func newestFirst(_ lhs: TrackingEvent, _ rhs: TrackingEvent) -> Bool {
        let left = lhs.time.sortSeconds
        let right = rhs.time.sortSeconds
        if left != right { return left > right }
        return lhs.status > rhs.status
    }
}
