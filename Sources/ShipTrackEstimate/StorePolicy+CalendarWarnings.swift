extension StorePolicy {
    /// The warnings for business days counted from `start` through `end` (both included, in either order): one per
    /// year in that span that ``holidayYears`` does not list, oldest first; empty when every year is listed.
    ///
    /// Runs once per estimate: the common case (one or two listed years) is two year computations and two set
    /// look-ups, and nothing is allocated.
    public func calendarWarnings(from start: CalendarDay, through end: CalendarDay) -> [CalendarWarning] {
        let first = min(start, end).parts.year
        let last = max(start, end).parts.year
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
