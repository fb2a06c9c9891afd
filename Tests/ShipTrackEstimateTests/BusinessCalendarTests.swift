import Foundation
import ShipTrackEstimate
import Testing

/// Business days: Monday to Friday in the store's zone minus holidays, across month and year ends, holidays and DST.
struct BusinessCalendarTests {
    let calendar = Support.calendar

    @Test func weekdays() {
        #expect(Support.day("1970-01-01").weekday == 4)
        #expect(Support.day("2026-03-02").weekdayName == "Monday")
        #expect(Support.day("2026-03-07").isWeekend)
        #expect(Support.day("1969-12-28").weekdayName == "Sunday")
        #expect(!calendar.isBusinessDay(Support.day("2026-03-08")))
        #expect(calendar.isBusinessDay(Support.day("2026-03-09")))
    }

    @Test(arguments: [
        // Across the year end and the New Year holiday (Thu 1 - Sat 3 January 2026); Sunday 4 January is an
        // adjusted working day.
        ("2025-12-26", 5, "2026-01-05"),
        ("2025-12-31", 1, "2026-01-04"),
        // Across a month end.
        ("2026-01-30", 1, "2026-02-02"),
        ("2026-03-31", 3, "2026-04-03"),
        // Across the Spring Festival (Sun 15 - Mon 23 February 2026), worked on Saturday 14 February.
        ("2026-02-13", 2, "2026-02-24"),
        // Across Qingming (Sat 4 - Mon 6 April 2026).
        ("2026-04-03", 1, "2026-04-07"),
        // From a weekend day and a holiday: that day does not count.
        ("2026-03-07", 1, "2026-03-09"),
        ("2026-02-17", 2, "2026-02-25"),
        // Zero leaves the day as it is, even on a weekend.
        ("2026-03-07", 0, "2026-03-07"),
        // Backwards.
        ("2026-01-05", -1, "2026-01-04"),
        ("2026-01-05", -2, "2025-12-31"),
        ("2026-02-24", -1, "2026-02-14"),
        ("2026-02-24", -2, "2026-02-13"),
        // Leap day.
        ("2028-02-28", 1, "2028-02-29"),
    ])
    func addingBusinessDays(from: String, count: Int, to: String) {
        #expect(calendar.adding(businessDays: count, to: Support.day(from)) == Support.day(to))
        if count > 0 {
            #expect(calendar.businessDays(from: Support.day(from), to: Support.day(to)) == count)
        }
    }

    @Test func countingAcrossTheYearEndAndHolidays() {
        // Sunday 4 and Monday 5 January 2026 (4 January is an adjusted working day).
        #expect(calendar.businessDays(from: Support.day("2025-12-31"), to: Support.day("2026-01-05")) == 2)
        #expect(calendar.businessDays(from: Support.day("2026-01-05"), to: Support.day("2025-12-31")) == -2)
        #expect(calendar.businessDays(from: Support.day("2026-03-02"), to: Support.day("2026-03-02")) == 0)
        // 2025 has 261 weekdays; 12 of them are listed holidays (1 Jan; 28, 29, 30, 31 Jan, 3, 4 Feb; 4 Apr;
        // 1, 2, 5 May; 2 Jun) plus 6 in October (1, 2, 3, 6, 7, 8): 243; and 5 adjusted working weekend days
        // (26 Jan, 8 Feb, 27 Apr, 28 Sep, 11 Oct): 248 business days.
        #expect(calendar.businessDays(from: Support.day("2024-12-31"), to: Support.day("2025-12-31")) == 248)
    }

    /// The tables must agree with walking day by day, both ways, everywhere in a span with holidays and year ends.
    @Test func tableLookupsAgreeWithWalkingDayByDay() {
        let start = Support.day("2024-12-01")
        for offset in stride(from: 0, to: 800, by: 3) {
            let day = start.adding(days: offset)
            for count in [-7, -1, 1, 2, 5, 12, 35, 50] {
                var walked = day
                var remaining = abs(count)
                while remaining > 0 {
                    walked = walked.adding(days: count > 0 ? 1 : -1)
                    if calendar.isBusinessDay(walked) { remaining -= 1 }
                }
                #expect(calendar.adding(businessDays: count, to: day) == walked, "\(day) + \(count)")
                if count > 0 {
                    #expect(calendar.businessDays(from: day, to: walked) == count, "\(day) to \(walked)")
                } else {
                    // Backwards the count is taken from the earlier day, so it ends on `day` itself.
                    #expect(
                        calendar.businessDays(from: walked, to: day) == -count - (calendar.isBusinessDay(day) ? 0 : 1))
                }
            }
        }
    }

    /// Outside the precomputed span (1970-2199) the walking fallback gives the same kind of answers.
    @Test func farDatesUseTheFallback() {
        // Saturday 2299-12-30 to Monday 2300-01-01.
        #expect(calendar.adding(businessDays: 1, to: Support.day("2299-12-30")) == Support.day("2300-01-01"))
        #expect(calendar.adding(businessDays: 5, to: Support.day("1969-12-26")) == Support.day("1970-01-02"))
        // Monday 2199-12-30 to Thursday 2200-01-02, straddling the end of the table.
        #expect(calendar.businessDays(from: Support.day("2199-12-30"), to: Support.day("2200-01-02")) == 3)
        #expect(calendar.adding(businessDays: 3, to: Support.day("2199-12-30")) == Support.day("2200-01-02"))
        #expect(calendar.adding(businessDays: -1, to: Support.day("1970-01-01")) == Support.day("1969-12-31"))
    }

    @Test func instantsFallOnShanghaiDays() {
        // 23:59 in Shanghai is 15:59Z; 00:00 the next day is 16:00Z.
        #expect(calendar.day(of: Support.time("2026-03-06T15:59:59Z")) == Support.day("2026-03-06"))
        #expect(calendar.day(of: Support.time("2026-03-06T16:00:00Z")) == Support.day("2026-03-07"))
        #expect(
            calendar.businessDays(from: Support.time("2026-03-06T15:59:59Z"), to: Support.time("2026-03-06T16:00:00Z"))
                == 0)
        #expect(calendar.isoString(Support.time("2026-03-06T16:00:00Z")) == "2026-03-07T00:00:00+08:00")
    }

    // MARK: Daylight saving time (New York: spring forward 8 March 2026, fall back 1 November 2026)

    static let newYork: BusinessCalendar = {
        let policy = try? Support.policy {
            $0["time_zone"] = "America/New_York"
            $0["holidays"] = [["name": "Thanksgiving", "date": "2026-11-26"]]
        }
        return policy?.calendar ?? Support.calendar
    }()

    @Test func dstChangesMoveTheDayBoundary() {
        let calendar = Self.newYork
        #expect(calendar.timeZone.identifier == "America/New_York")
        // After spring forward, midnight is 04:00Z; before it, 05:00Z.
        #expect(calendar.day(of: Support.time("2026-03-09T03:59:59Z")) == Support.day("2026-03-08"))
        #expect(calendar.day(of: Support.time("2026-03-09T04:00:00Z")) == Support.day("2026-03-09"))
        #expect(calendar.day(of: Support.time("2026-03-08T04:59:59Z")) == Support.day("2026-03-07"))
        #expect(calendar.day(of: Support.time("2026-03-08T05:00:00Z")) == Support.day("2026-03-08"))
        // After fall back, midnight is 05:00Z again.
        #expect(calendar.day(of: Support.time("2026-11-02T04:30:00Z")) == Support.day("2026-11-01"))
        #expect(calendar.day(of: Support.time("2026-11-02T05:00:00Z")) == Support.day("2026-11-02"))
        #expect(calendar.startOfDay(Support.day("2026-03-08")) == Support.time("2026-03-08T05:00:00Z"))
        #expect(calendar.startOfDay(Support.day("2026-03-09")) == Support.time("2026-03-09T04:00:00Z"))
        #expect(calendar.startOfDay(Support.day("2026-11-01")) == Support.time("2026-11-01T04:00:00Z"))
        #expect(calendar.startOfDay(Support.day("2026-11-02")) == Support.time("2026-11-02T05:00:00Z"))
        #expect(calendar.isoString(Support.time("2026-03-09T04:00:00Z")) == "2026-03-09T00:00:00-04:00")
    }

    @Test func countingAndAddingAcrossDSTChanges() {
        let calendar = Self.newYork
        // Friday 23:30 EST to Monday 00:30 EDT, across the spring change: one business day (Monday).
        #expect(
            calendar.businessDays(
                from: Support.time("2026-03-06T23:30:00-05:00"), to: Support.time("2026-03-09T00:30:00-04:00"))
                == 1)
        // Friday 30 October to Monday 2 November, across fall back: one business day.
        #expect(
            calendar.businessDays(
                from: Support.time("2026-10-30T12:00:00-04:00"), to: Support.time("2026-11-02T12:00:00-05:00"))
                == 1)
        #expect(calendar.adding(businessDays: 2, to: Support.day("2026-03-06")) == Support.day("2026-03-10"))
        // Thanksgiving is a holiday of this policy.
        #expect(calendar.adding(businessDays: 1, to: Support.day("2026-11-25")) == Support.day("2026-11-27"))
    }

    @Test func plainDatesAreTheStartOfTheDayInTheStoresZone() throws {
        let parser = TimestampParser(calendar: Self.newYork)
        #expect(try parser.parse("2026-03-09", field: "--as-of") == Support.time("2026-03-09T04:00:00Z"))
        #expect(try parser.parse("2026-03-07", field: "--as-of") == Support.time("2026-03-07T05:00:00Z"))
    }

    /// The precomputed offsets equal Foundation's answer, and each day starts where the previous one ends, in zones
    /// whose clocks change at midnight too.
    @Test(arguments: [
        "America/New_York", "Europe/London", "America/Santiago", "America/Havana", "Asia/Beirut",
        "Australia/Lord_Howe", "Asia/Shanghai", "Pacific/Apia",
    ])
    func offsetsAndDayStartsMatchFoundation(zoneName: String) throws {
        let zone = try #require(TimeZone(identifier: zoneName))
        let calendar = BusinessCalendar(timeZone: zone, holidays: [])
        var seconds = 1_262_304_000  // 2010-01-01
        while seconds < 2_000_000_000 {
            let instant = Date(timeIntervalSince1970: TimeInterval(seconds))
            #expect(calendar.utcOffset(at: instant) == zone.secondsFromGMT(for: instant), "\(zoneName) \(instant)")
            seconds += 3_600 * 37
        }
        let first = Support.day("2015-01-01")
        for offset in 0..<(366 * 12) {
            let day = first.adding(days: offset)
            let start = calendar.startOfDay(day)
            #expect(calendar.day(of: start) == day, "\(zoneName) \(day)")
            #expect(calendar.day(of: start.addingTimeInterval(-1)) < day, "\(zoneName) \(day)")
        }
    }
}
