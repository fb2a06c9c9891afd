/// An inclusive range of calendar days, such as the promised delivery window.
public struct DayWindow: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The first day of the window.
    public let earliest: CalendarDay
    /// The last day of the window; a parcel delivered on this day is on time.
    public let latest: CalendarDay

    public init(earliest: CalendarDay, latest: CalendarDay) {
        self.earliest = earliest
        self.latest = latest
    }

    /// Whether `day` falls inside the window, both ends included.
    public func contains(_ day: CalendarDay) -> Bool { earliest <= day && day <= latest }

    /// `2026-03-16 – 2026-04-13`.
    public var description: String { "\(earliest) – \(latest)" }
}
