import Foundation
import ShipTrackEstimate
import ShipTrackModel

/// Dates, times and numbers as people read them, in the store's zone, without `DateFormatter` (slow per row, and
/// dependent on the machine's locale).
struct PeopleFormat: Sendable {
    /// The store's calendar: its zone gives every local time.
    let calendar: BusinessCalendar
    /// The run's year in the store's zone: dates in it are shown without the year.
    let currentYear: Int
    /// The run's day in the store's zone.
    let today: CalendarDay

    init(calendar: BusinessCalendar, asOf: Date) {
        self.calendar = calendar
        self.today = calendar.day(of: asOf)
        self.currentYear = today.parts.year
    }

    private static let weekdays = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
    private static let longWeekdays = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    private static let longMonths = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
        "December",
    ]

    /// `Mon 2 Mar`, with the year when it is not the run's (`Tue 30 Dec 2025`).
    func day(_ day: CalendarDay) -> String {
        let (year, month, date) = day.parts
        let text = "\(Self.weekdays[day.weekday - 1]) \(date) \(Self.months[month - 1])"
        return year == currentYear ? text : "\(text) \(year)"
    }

    /// `2 Mar`, for chart axes.
    func shortDay(_ day: CalendarDay) -> String {
        let (_, month, date) = day.parts
        return "\(date) \(Self.months[month - 1])"
    }

    /// `Monday 2 March 2026`, for messages to customers (who may read them weeks later).
    func longDay(_ day: CalendarDay) -> String {
        let (year, month, date) = day.parts
        return "\(Self.longWeekdays[day.weekday - 1]) \(date) \(Self.longMonths[month - 1]) \(year)"
    }

    /// `Mon 2 Mar 10:15` in the store's zone.
    func time(_ instant: Date) -> String {
        let local = localTime(instant)
        return "\(day(CalendarDay(daysSinceEpoch: local.daysSinceEpoch))) \(Self.clock(local))"
    }

    /// `00:07` on the run's day, `Thu 19 Mar 00:37` before it: when a parcel was checked.
    func recentTime(_ instant: Date) -> String {
        let local = localTime(instant)
        return local.daysSinceEpoch == today.daysSinceEpoch ? Self.clock(local) : time(instant)
    }

    /// `2026-03-02 10:15` in the store's zone, for spreadsheets.
    func sortableTime(_ instant: Date) -> String {
        let local = localTime(instant)
        return "\(CalendarDay(daysSinceEpoch: local.daysSinceEpoch)) \(Self.clock(local))"
    }

    /// `2026-03-02 01:00 UTC`.
    func utc(_ instant: Date) -> String {
        let local = LocalDateTime(secondsSinceEpoch: Self.seconds(instant))
        return "\(CalendarDay(daysSinceEpoch: local.daysSinceEpoch)) \(Self.clock(local)) UTC"
    }

    /// A carrier event's time: in the store's zone when its offset is known, else as the carrier printed it, marked
    /// as local to the event's place (never read as UTC).
    func eventTime(_ time: EventTime?, sortable: Bool = false) -> String {
        // A row the carrier printed without a date keeps its place in the carrier's order, not a made-up time.
        guard let time else { return sortable ? "" : "(no date)" }
        if let instant = time.instant {
            if time.dateOnly { return sortable ? "\(CalendarDay(daysSinceEpoch: time.local.daysSinceEpoch))" : day(calendar.day(of: instant)) }
            return sortable ? sortableTime(instant) : self.time(instant)
        }
        let local = time.local
        let dayText =
            sortable ? "\(CalendarDay(daysSinceEpoch: local.daysSinceEpoch))" : day(CalendarDay(daysSinceEpoch: local.daysSinceEpoch))
        return time.dateOnly ? "\(dayText) (local date)" : "\(dayText) \(Self.clock(local)) (local time)"
    }

    /// `Asia/Shanghai, UTC+08:00` at `instant`.
    func zoneName(at instant: Date) -> String {
        let offset = calendar.utcOffset(at: instant)
        return "\(calendar.timeZone.identifier), UTC\(offset == 0 ? "" : EventTime.formatOffset(offset))"
    }

    /// `100,000`.
    static func number(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var out = ""
        for (index, character) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { out.append(",") }
            out.append(character)
        }
        return value < 0 ? "-" + out : out
    }

    /// `1 order`, `2 orders`.
    static func count(_ value: Int, _ singular: String, _ plural: String? = nil) -> String {
        "\(number(value)) \(value == 1 ? singular : plural ?? singular + "s")"
    }

    /// `83%` in whole percent, never rounded to `0%` or `100%` when it is not: `<1%`, `>99%`.
    static func percent(_ part: Int, of whole: Int) -> String {
        guard whole > 0 else { return "–" }
        let rounded = Int((Double(part) * 100 / Double(whole)).rounded())
        if part > 0, rounded == 0 { return "<1%" }
        if part < whole, rounded == 100 { return ">99%" }
        return "\(rounded)%"
    }

    /// `1 h 52 min`, `38 s`.
    static func duration(_ seconds: Double) -> String {
        let total = Int(seconds.rounded())
        if total < 60 { return "\(total) s" }
        if total < 3_600 { return "\(total / 60) min \(total % 60) s" }
        return "\(total / 3_600) h \(total % 3_600 / 60) min"
    }

    private func localTime(_ instant: Date) -> LocalDateTime {
        LocalDateTime(secondsSinceEpoch: Self.seconds(instant) + calendar.utcOffset(at: instant))
    }

    private static func seconds(_ instant: Date) -> Int { Int(instant.timeIntervalSince1970.rounded(.down)) }

    private static func clock(_ local: LocalDateTime) -> String {
        (local.hour < 10 ? "0" : "") + "\(local.hour):" + (local.minute < 10 ? "0" : "") + "\(local.minute)"
    }
}
