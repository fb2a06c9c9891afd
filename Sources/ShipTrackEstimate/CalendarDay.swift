import ShipTrackModel

/// A date on the calendar (no time, no zone), stored as days since 1970-01-01.
///
/// Business-day arithmetic works on whole days in the store's zone, so dates are integers: comparing, subtracting and
/// adding days never touch `Calendar` or `DateFormatter`, which keeps a nightly batch of a million estimates cheap.
/// Encodes as `YYYY-MM-DD`.
public struct CalendarDay: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// Days since 1970-01-01 (negative before it).
    public let daysSinceEpoch: Int

    /// Creates a day from its number of days since 1970-01-01.
    public init(daysSinceEpoch: Int) { self.daysSinceEpoch = daysSinceEpoch }

    /// Creates a day from its parts, or `nil` when the date does not exist (`2026-02-29`, month 13).
    public init?(year: Int, month: Int, day: Int) {
        guard let date = LocalDateTime(year: year, month: month, day: day) else { return nil }
        self.daysSinceEpoch = date.daysSinceEpoch
    }

    /// Parses exactly `YYYY-MM-DD`, or returns `nil`.
    public init?(iso text: some StringProtocol) {
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
            let year = CalendarDay.number(bytes[0..<4]), let month = CalendarDay.number(bytes[5..<7]),
            let day = CalendarDay.number(bytes[8..<10])
        else { return nil }
        self.init(year: year, month: month, day: day)
    }

    /// The proleptic Gregorian year, month and day.
    public var parts: (year: Int, month: Int, day: Int) {
        let date = LocalDateTime(secondsSinceEpoch: daysSinceEpoch * 86_400)
        return (date.year, date.month, date.day)
    }

    /// ISO 8601 weekday: 1 is Monday, 7 is Sunday.
    public var weekday: Int {
        // 1970-01-01 was a Thursday (4).
        let offset = (daysSinceEpoch + 3) % 7
        return (offset < 0 ? offset + 7 : offset) + 1
    }

    /// Saturday or Sunday.
    public var isWeekend: Bool { weekday >= 6 }

    /// The English name of the weekday, for sentences people read (`Monday`).
    public var weekdayName: String {
        ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"][weekday - 1]
    }

    /// This day moved by `days` calendar days.
    public func adding(days: Int) -> CalendarDay { CalendarDay(daysSinceEpoch: daysSinceEpoch + days) }

    /// Calendar days from `self` to `other` (positive when `other` is later).
    public func days(to other: CalendarDay) -> Int { other.daysSinceEpoch - daysSinceEpoch }

    /// `YYYY-MM-DD`.
    public var description: String {
        let (year, month, day) = parts
        return "\(CalendarDay.pad(year, 4))-\(CalendarDay.pad(month, 2))-\(CalendarDay.pad(day, 2))"
    }

    /// `Monday 2026-03-02`, for sentences people read.
    public var longDescription: String { "\(weekdayName) \(description)" }

    public static func < (lhs: CalendarDay, rhs: CalendarDay) -> Bool { lhs.daysSinceEpoch < rhs.daysSinceEpoch }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let day = CalendarDay(iso: text) else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: "\"\(text)\" is not a date (YYYY-MM-DD)"))
        }
        self = day
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    static func number(_ digits: ArraySlice<UInt8>) -> Int? {
        var value = 0
        for byte in digits {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return value
    }

    static func pad(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
    }
}
