extension StorePolicy {
    /// The warnings for business days counted from `start` through `end` (both included, in either order): one per
    /// year in that span that ``holidayYears`` does not list, oldest first; empty when every year is listed.
    ///
    /// Runs once per estimate: the common case (both days in a run of listed years) is two comparisons, and
    /// nothing is allocated.
    public func calendarWarnings(from start: CalendarDay, through end: CalendarDay) -> [CalendarWarning] {
        let (low, high) = (min(start, end), max(start, end))
        if listedSpans.contains(where: { $0.contains(low) && $0.contains(high) }) { return [] }
        let first = low.parts.year
        let last = high.parts.year
        var warnings: [CalendarWarning] = []
        for year in first...last where !holidayYears.contains(year) {
            let provisional = holidays.filter { holiday in
                holiday.isProvisional && holiday.days.earliest.parts.year <= year
                    && year <= holiday.days.latest.parts.year
            }
            warnings.append(CalendarWarning(year: year, provisionalHolidays: provisional))
        }
        return warnings
    }
}
