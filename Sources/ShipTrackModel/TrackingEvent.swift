/// One scan or status change reported by a carrier, normalized.
public struct TrackingEvent: Hashable, Sendable, Codable {
    /// When it happened, in the carrier's local time with the offset when known; `nil` for a row the carrier prints
    /// without any date ("Origin Post is Preparing Shipment"), which is kept in the carrier's order.
    public var time: EventTime?
    /// Where it happened.
    public var location: EventLocation
    /// The carrier's own words, whitespace folded (for example `Arrived at USPS Regional Facility`, `已妥投`).
    public var description: String
    /// What the words mean in plain English, from the status rule that matched (`Delivered` for `已妥投`); `nil`
    /// when no rule matched.
    public var meaning: String?
    /// The carrier's event code, when its page or interface gives one.
    public var eventCode: String?
    /// The normalized status this event means.
    public var status: TrackingStatus
    /// The finer reason, when the carrier says more.
    public var reason: StatusReason?
    /// The carrier whose leg of the journey this event belongs to (for a two-leg ePacket: `epacket` or `usps`).
    public var reportedBy: CarrierID
    /// True when the description matched no rule of the source's status table and ``status`` is the safe default.
    public var statusUnrecognised: Bool
    /// The event's place in its leg's listing as the carrier gave it, 0 for the oldest: what orders events that
    /// times cannot (a date-only row on the day of timed rows, an undated row).
    public var position: Int

    public init(
        time: EventTime?, location: EventLocation, description: String, meaning: String? = nil, eventCode: String? = nil,
        status: TrackingStatus, reason: StatusReason? = nil, reportedBy: CarrierID, statusUnrecognised: Bool = false,
        position: Int = 0
    ) {
        self.time = time
        self.location = location
        self.description = description
        self.meaning = meaning
        self.eventCode = eventCode
        self.status = status
        self.reason = reason
        self.reportedBy = reportedBy
        self.statusUnrecognised = statusUnrecognised
        self.position = position
    }

    enum CodingKeys: String, CodingKey {
        case time, location, description, meaning
        case eventCode = "event_code"
        case status, reason
        case reportedBy = "reported_by"
        case statusUnrecognised = "status_unrecognised"
        case position
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        time = try container.decodeIfPresent(EventTime.self, forKey: .time)
        location = try container.decode(EventLocation.self, forKey: .location)
        description = try container.decode(String.self, forKey: .description)
        meaning = try container.decodeIfPresent(String.self, forKey: .meaning)
        eventCode = try container.decodeIfPresent(String.self, forKey: .eventCode)
        status = try container.decode(TrackingStatus.self, forKey: .status)
        reason = try container.decodeIfPresent(StatusReason.self, forKey: .reason)
        reportedBy = try container.decode(CarrierID.self, forKey: .reportedBy)
        statusUnrecognised = try container.decodeIfPresent(Bool.self, forKey: .statusUnrecognised) ?? false
        position = try container.decodeIfPresent(Int.self, forKey: .position) ?? 0
    }

    /// Whether `other` is the same scan printed again (a page repeating its latest event in a summary): everything
    /// but the listing position is equal.
    public func isSameScan(as other: TrackingEvent) -> Bool {
        var copy = other
        copy.position = position
        return copy == self
    }
}
