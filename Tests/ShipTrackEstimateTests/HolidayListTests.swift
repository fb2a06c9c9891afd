import Foundation
import ShipTrackEstimate
import Testing

/// The built-in calendar against the State Council notices for 2025 (国办发明电〔2024〕12号) and 2026 (notice of
/// 2025-11-04): every holiday day closed, every adjusted working weekend day (调休上班) open. Lists from
/// research/17track-ems/notes-holidays.md.
struct HolidayListTests {
    let calendar = Support.calendar

    /// The official periods off, both ends included.
    static let officialHolidays: [(from: String, to: String)] = [
        ("2025-01-01", "2025-01-01"), ("2025-01-28", "2025-02-04"), ("2025-04-04", "2025-04-06"),
        ("2025-05-01", "2025-05-05"), ("2025-05-31", "2025-06-02"), ("2025-10-01", "2025-10-08"),
        ("2026-01-01", "2026-01-03"), ("2026-02-15", "2026-02-23"), ("2026-04-04", "2026-04-06"),
        ("2026-05-01", "2026-05-05"), ("2026-06-19", "2026-06-21"), ("2026-09-25", "2026-09-27"),
        ("2026-10-01", "2026-10-07"),
    ]

    /// The official adjusted working days: Saturdays and Sundays the warehouse works.
    static let officialWorkingDays = [
        "2025-01-26", "2025-02-08", "2025-04-27", "2025-09-28", "2025-10-11",
        "2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10",
    ]

    @Test func everyOfficialHolidayDayIsClosed() {
        for (from, to) in Self.officialHolidays {
            var day = Support.day(from)
            while day <= Support.day(to) {
                #expect(!calendar.isBusinessDay(day), "\(day)")
                #expect(calendar.isHoliday(day), "\(day)")
                day = day.adding(days: 1)
            }
        }
    }

    @Test(arguments: officialWorkingDays)
    func everyAdjustedWorkingWeekendDayIsABusinessDay(day: String) {
        #expect(Support.day(day).isWeekend)
        #expect(calendar.isBusinessDay(Support.day(day)))
    }

    @Test func theYearsOwnBusinessDays() {
        // 2025: 261 weekdays, 18 of them in holidays (see BusinessCalendarTests), 5 working weekend days: 248.
        #expect(calendar.businessDays(from: Support.day("2024-12-31"), to: Support.day("2025-12-31")) == 248)
        // 2026: 261 weekdays; holidays on 1, 2 Jan; 16-20, 23 Feb; 6 Apr; 1, 4, 5 May; 19 Jun; 25 Sep; 1, 2, 5,
        // 6, 7 Oct (19); 6 working weekend days: 248.
        #expect(calendar.businessDays(from: Support.day("2025-12-31"), to: Support.day("2026-12-31")) == 248)
    }

    @Test(arguments: [
        // The Saturday before the Spring Festival 2026 is worked.
        ("2026-02-13", 1, "2026-02-14"),
        ("2026-02-14", 1, "2026-02-24"),
        // So is Saturday 28 February.
        ("2026-02-27", 1, "2026-02-28"),
        ("2026-02-28", 1, "2026-03-02"),
        // National Day 2025: Sunday 28 September before it and Saturday 11 October after it.
        ("2025-09-26", 1, "2025-09-28"),
        ("2025-10-10", 1, "2025-10-11"),
        ("2025-09-28", 1, "2025-09-29"),
    ])
    func addingAcrossAdjustedWorkingDays(from: String, count: Int, to: String) {
        #expect(calendar.adding(businessDays: count, to: Support.day(from)) == Support.day(to))
        #expect(calendar.businessDays(from: Support.day(from), to: Support.day(to)) == count)
    }

    /// 2027 has no State Council notice yet; the built-in policy closes the warehouse for a provisional Spring
    /// Festival of 8 days from New Year's Eve (the 2024 rule), 2027-02-05 to 2027-02-12.
    @Test func theProvisionalSpringFestivalOf2027ClosesTheWarehouse() {
        for day in ["2027-02-05", "2027-02-08", "2027-02-09", "2027-02-10", "2027-02-11", "2027-02-12"] {
            #expect(!calendar.isBusinessDay(Support.day(day)), "\(day)")
        }
        #expect(calendar.isBusinessDay(Support.day("2027-02-04")))
        #expect(calendar.isBusinessDay(Support.day("2027-02-15")))
    }
}
