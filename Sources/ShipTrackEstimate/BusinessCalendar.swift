public import Foundation
import ShipTrackModel

/// Business days of the store: Monday to Friday in the store's time zone, minus its holidays, plus the weekend days
/// it works (adjusted working days, such as the Saturdays China works to bridge a holiday).
///
/// Days are ``CalendarDay`` values (integers), so the arithmetic is exact across month and year ends; daylight saving
/// time only matters when an instant is turned into a day, which goes through a precomputed table of the zone's
/// offsets. For the span it precomputes (1970–2199) adding and counting business days are table look-ups, so an
/// estimate costs no loops; outside it they walk day by day and give the same answers.
public struct BusinessCalendar: Sendable {
    /// Everything behind one reference, so passing a calendar around costs one retain, not one per table.
    private final class Storage: Sendable {
        let timeZone: TimeZone
        let holidays: Set<CalendarDay>
        let workingDays: Set<CalendarDay>
        let zone: ZoneOffsets
        let holidayDays: Set<Int>
        let workingDayDays: Set<Int>
        /// First day covered by the tables below.
        let tableStart: Int
        /// `businessDaysBefore[i]`: how many business days lie in `tableStart ..< tableStart + i`.
        let businessDaysBefore: [Int32]
        /// Every business day in the table's span, ascending (as days since 1970).
        let businessDays: [Int32]

        init(timeZone: TimeZone, holidays: Set<CalendarDay>, workingDays: Set<CalendarDay>) {
            self.timeZone = timeZone
            self.holidays = holidays
            self.workingDays = workingDays
            self.zone = ZoneOffsets(zone: timeZone)
            let holidayDays = Set(holidays.map(\.daysSinceEpoch))
            let workingDayDays = Set(workingDays.map(\.daysSinceEpoch))
            self.holidayDays = holidayDays
            self.workingDayDays = workingDayDays
            let span = BusinessCalendar.tableSpan
            var before = [Int32]()
            var days = [Int32]()
            before.reserveCapacity(span.count + 1)
            days.reserveCapacity(span.count * 5 / 7 + 1)
            for day in span {
                before.append(Int32(days.count))
                if BusinessCalendar.isBusinessDay(day, holidays: holidayDays, workingDays: workingDayDays) {
                    days.append(Int32(day))
                }
            }
            before.append(Int32(days.count))
            self.tableStart = span.lowerBound
            self.businessDaysBefore = before
            self.businessDays = days
        }
    }

    private let storage: Storage

    /// The store's zone: which calendar day an instant falls on.
    public var timeZone: TimeZone { storage.timeZone }
    /// Non-working weekdays (and any weekend days listed, which change nothing).
    public var holidays: Set<CalendarDay> { storage.holidays }
    /// Weekend days that are working days.
    public var workingDays: Set<CalendarDay> { storage.workingDays }

    private var zone: ZoneOffsets { storage.zone }
    private var holidayDays: Set<Int> { storage.holidayDays }
    private var workingDayDays: Set<Int> { storage.workingDayDays }
    private var tableStart: Int { storage.tableStart }
    private var businessDaysBefore: [Int32] { storage.businessDaysBefore }
    private var businessDays: [Int32] { storage.businessDays }

    /// 1970-01-01 ..< 2200-01-01.
    private static let tableSpan = 0..<84_006

    /// Creates a calendar for `timeZone` with the given holidays, every weekend resting.
    public init(timeZone: TimeZone, holidays: some Sequence<CalendarDay>) {
        storage = Storage(timeZone: timeZone, holidays: Set(holidays), workingDays: [])
    }

    /// Creates a calendar for `timeZone` with the given holidays and the weekend days worked.
    ///
    /// A day both a holiday and a working day is a holiday (the policy loader refuses such a file).
    public init(timeZone: TimeZone, holidays: some Sequence<CalendarDay>, workingDays: some Sequence<CalendarDay>) {
        storage = Storage(timeZone: timeZone, holidays: Set(holidays), workingDays: Set(workingDays))
    }

    // MARK: Instants and days

    /// The calendar day an instant falls on in the store's zone.
    public func day(of instant: Date) -> CalendarDay {
        CalendarDay(daysSinceEpoch: zone.day(ofSecond: BusinessCalendar.seconds(instant)))
    }

    /// The first instant of `day` in the store's zone (midnight, or the first moment of the day where clocks skip
    /// midnight).
    public func startOfDay(_ day: CalendarDay) -> Date {
        Date(timeIntervalSince1970: TimeInterval(zone.startOfDay(day.daysSinceEpoch)))
    }

    /// The UTC offset in seconds in force at `instant` in the store's zone.
    public func utcOffset(at instant: Date) -> Int { zone.offset(atSecond: BusinessCalendar.seconds(instant)) }

    /// The instant as ISO 8601 with the store's offset: `2026-03-02T10:00:00+08:00`.
    public func isoString(_ instant: Date) -> String {
        let seconds = BusinessCalendar.seconds(instant)
        return ISOTimestamp.format(seconds: seconds, utcOffset: zone.offset(atSecond: seconds))
    }

    // MARK: Business days

    /// Whether `day` is a working day: Monday to Friday and not a holiday, or a weekend day listed as worked.
    public func isBusinessDay(_ day: CalendarDay) -> Bool {
        BusinessCalendar.isBusinessDay(day.daysSinceEpoch, holidays: holidayDays, workingDays: workingDayDays)
    }

    /// Whether `day` is one of the store's holidays.
    public func isHoliday(_ day: CalendarDay) -> Bool { holidayDays.contains(day.daysSinceEpoch) }

    /// The `count`-th business day after `day` (before it when `count` is negative); `day` itself when `count` is 0.
    ///
    /// `day` does not count even when it is a business day: an order placed on Monday with 2 business days of
    /// processing is processed by Wednesday. Adding is additive: adding `a` then `b` equals adding `a + b`.
    public func adding(businessDays count: Int, to day: CalendarDay) -> CalendarDay {
        let index = day.daysSinceEpoch - tableStart
        if count == 0 { return day }
        if index >= 0, index < businessDaysBefore.count - 1 {
            // Business days up to and including `day` (for forward steps) or strictly before it (backward).
            let target =
                count > 0
                ? Int(businessDaysBefore[index + 1]) + count - 1
                : Int(businessDaysBefore[index]) + count
            if target >= 0, target < businessDays.count {
                return CalendarDay(daysSinceEpoch: Int(businessDays[target]))
            }
        }
        return slowAdding(businessDays: count, to: day)
    }

    /// The number of business days in `(from, to]`: after `from`, up to and including `to`; negative when `to` is
    /// before `from`. It inverts ``adding(businessDays:to:)`` forwards: `businessDays(from: d, to:
    /// adding(businessDays: n, to: d)) == n` for `n >= 0`.
    public func businessDays(from start: CalendarDay, to end: CalendarDay) -> Int {
        if end < start { return -businessDays(from: end, to: start) }
        let first = start.daysSinceEpoch - tableStart + 1
        let last = end.daysSinceEpoch - tableStart + 1
        if first >= 0, last < businessDaysBefore.count {
            return Int(businessDaysBefore[last]) - Int(businessDaysBefore[first])
        }
        var count = 0
        var day = start.daysSinceEpoch + 1
        while day <= end.daysSinceEpoch {
            if BusinessCalendar.isBusinessDay(day, holidays: holidayDays, workingDays: workingDayDays) { count += 1 }
            day += 1
        }
        return count
    }

    /// Business days between the days two instants fall on in the store's zone (see
    /// ``businessDays(from:to:)-(CalendarDay,CalendarDay)``).
    public func businessDays(from start: Date, to end: Date) -> Int {
        businessDays(from: day(of: start), to: day(of: end))
    }

    // MARK: Internals

    private func slowAdding(businessDays count: Int, to day: CalendarDay) -> CalendarDay {
        let step = count > 0 ? 1 : -1
        var remaining = abs(count)
        var current = day.daysSinceEpoch
        while remaining > 0 {
            current += step
            if BusinessCalendar.isBusinessDay(current, holidays: holidayDays, workingDays: workingDayDays) {
                remaining -= 1
            }
        }
        return CalendarDay(daysSinceEpoch: current)
    }

    private static func isBusinessDay(_ day: Int, holidays: Set<Int>, workingDays: Set<Int>) -> Bool {
        if holidays.contains(day) { return false }
        return !CalendarDay(daysSinceEpoch: day).isWeekend || workingDays.contains(day)
    }

    /// Whole seconds since 1970, rounded down; instants beyond any calendar are clamped rather than trapping.
    static func seconds(_ instant: Date) -> Int {
        let value = instant.timeIntervalSince1970.rounded(.down)
        guard value.isFinite else { return value > 0 ? 1 << 50 : -(1 << 50) }
        return Int(max(min(value, 1e15), -1e15))
    }
}
