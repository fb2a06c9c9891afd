public import Foundation

/// When a tracking event happened: the carrier's wall-clock time plus, when known, its offset from UTC.
///
/// `utcOffsetSeconds` is set when the carrier states or implies a zone (China Post: UTC+08:00; USPS: the zone of
/// the event's place). When it is `nil` the time is local to an unknown zone and ``instant`` is `nil`: it is never
/// treated as UTC.
public struct EventTime: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The wall-clock time as the carrier printed it.
    public var local: LocalDateTime
    /// Offset from UTC in seconds at that moment, when known (east positive).
    public var utcOffsetSeconds: Int?
    /// The IANA zone the offset came from, when it was implied by a place rather than stated.
    public var timeZone: String?
    /// True when the carrier printed only a date; `local`'s time is then 00:00 and means "some time that day".
    public var dateOnly: Bool

    public init(local: LocalDateTime, utcOffsetSeconds: Int? = nil, timeZone: String? = nil, dateOnly: Bool = false) {
        self.local = local
        self.utcOffsetSeconds = utcOffsetSeconds
        self.timeZone = timeZone
        self.dateOnly = dateOnly
    }

    /// Interprets `local` as wall-clock time in `zone`, resolving daylight saving time for that date.
    ///
    /// In a repeated hour (autumn) the earlier instant is chosen; in a skipped hour (spring) the time is moved
    /// forward, as clocks were.
    public init(local: LocalDateTime, zone: TimeZone, dateOnly: Bool = false) {
        let asUTC = local.secondsSinceEpochAsUTC
        // Two passes converge on the offset in force at that wall-clock time.
        var offset = zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(asUTC)))
        offset = zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(asUTC - offset)))
        self.init(
            local: local, utcOffsetSeconds: offset,
            timeZone: zone.identifier.hasPrefix("GMT") ? nil : zone.identifier, dateOnly: dateOnly)
    }

    /// The absolute instant, when the offset is known.
    public var instant: Date? {
        utcOffsetSeconds.map { Date(timeIntervalSince1970: TimeInterval(local.secondsSinceEpochAsUTC - $0)) }
    }

    /// The absolute instant in seconds since 1970, when the offset is known.
    public var instantSeconds: Int? { utcOffsetSeconds.map { local.secondsSinceEpochAsUTC - $0 } }

    /// ISO 8601 with the offset when known (`2023-05-05T10:15:00-07:00`), else the bare local time.
    public var description: String {
        guard let offset = utcOffsetSeconds else { return local.description }
        return local.description + EventTime.formatOffset(offset)
    }

    /// `+08:00`, `-07:00`, `Z` for zero.
    public static func formatOffset(_ seconds: Int) -> String {
        if seconds == 0 { return "Z" }
        let sign = seconds < 0 ? "-" : "+"
        let minutes = abs(seconds) / 60
        return "\(sign)\(pad(minutes / 60, 2)):\(pad(minutes % 60, 2))"
    }

    enum CodingKeys: String, CodingKey {
        case local = "local_time"
        case utcOffsetSeconds = "utc_offset_seconds"
        case timeZone = "time_zone"
        case dateOnly = "date_only"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        local = try container.decode(LocalDateTime.self, forKey: .local)
        utcOffsetSeconds = try container.decodeIfPresent(Int.self, forKey: .utcOffsetSeconds)
        timeZone = try container.decodeIfPresent(String.self, forKey: .timeZone)
        dateOnly = try container.decodeIfPresent(Bool.self, forKey: .dateOnly) ?? false
    }
}
