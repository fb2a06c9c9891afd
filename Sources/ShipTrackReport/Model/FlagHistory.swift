public import ShipTrackEstimate

/// Flags counted night by night, for the "flags over the last 30 nights" chart.
public struct FlagHistory: Hashable, Sendable {
    /// One night's counts.
    public struct Night: Hashable, Sendable {
        /// The run's day in the store's zone.
        public var day: CalendarDay
        /// Shipments flagged, by kind (as `summary.json`'s `by_flag`). Kinds absent count 0.
        public var counts: [DeliveryFlag.Kind: Int]

        public init(day: CalendarDay, counts: [DeliveryFlag.Kind: Int]) {
            self.day = day
            self.counts = counts
        }
    }

    /// The nights, in any order; the chart shows the last 30 by day, tonight's included when given.
    public var nights: [Night]

    public init(nights: [Night] = []) { self.nights = nights }

    /// The last `limit` nights, oldest first (one per day: a day's last entry wins).
    public func recent(_ limit: Int = 30) -> [Night] {
        var byDay: [CalendarDay: Night] = [:]
        for night in nights { byDay[night.day] = night }
        return Array(byDay.values.sorted { $0.day < $1.day }.suffix(limit))
    }
}
