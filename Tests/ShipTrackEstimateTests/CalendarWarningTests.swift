import Foundation
import ShipTrackEstimate
import ShipTrackModel
import Testing

/// Every date counted through a year without an official holiday list carries a warning naming the year.
struct CalendarWarningTests {
    static let lateNovember = Support.time("2026-11-30T10:00:00+08:00")

    /// Ordered Monday 2026-11-30 to Nigeria (Africa, up to 45 business days): the promise runs to 2027-02-16.
    @Test func anAfricanOrderPlacedInLateNovember2026RunsInto2027AndSaysSo() throws {
        let estimate = try Support.estimate(
            destination: "Nigeria", orderedAt: Self.lateNovember, now: Support.noon("2026-12-01"))
        #expect(estimate.promised?.latest == Support.day("2027-02-16"))
        #expect(estimate.calendarWarnings.map(\.year) == [2027])
        #expect(estimate.hasCalendarWarnings)
        let warning = try #require(estimate.calendarWarnings.first)
        // The built-in policy assumes a provisional Spring Festival for 2027 and says so.
        #expect(warning.kind == .provisionalHolidays)
        #expect(warning.provisionalHolidays.map(\.days) == [
            DayWindow(earliest: Support.day("2027-02-05"), latest: Support.day("2027-02-12"))
        ])
        #expect(warning.description.contains("2027 has no official holiday list"))
        #expect(warning.description.contains("provisional"))
    }

    @Test func anEstimateWithin2026CarriesNone() throws {
        let estimate = try Support.estimate(now: Support.noon("2026-03-10"))
        #expect(estimate.calendarWarnings.isEmpty)
        #expect(!estimate.hasCalendarWarnings)
    }

    /// With no provisional entry the year has no holidays at all: the warning says dates may be too early.
    @Test func withoutAProvisionalEntryTheYearHasNoHolidayList() throws {
        let estimator = Estimator(
            policy: try Support.policy { policy in
                policy["holidays"] = (policy["holidays"] as? [[String: Any]] ?? []).filter { $0["provisional"] == nil }
            })
        let estimate = try Support.estimate(
            destination: "NG", orderedAt: Self.lateNovember, now: Support.noon("2026-12-01"), estimator: estimator)
        // Without the provisional Spring Festival the same promise ends 6 business days earlier.
        #expect(estimate.promised?.latest == Support.day("2027-02-08"))
        let warning = try #require(estimate.calendarWarnings.first)
        #expect(warning.year == 2027)
        #expect(warning.kind == .noHolidayList)
        #expect(warning.provisionalHolidays.isEmpty)
        #expect(warning.description.contains("may be too early"))
    }

    /// Each kind of business-day count that reaches 2027 raises it, not only the promise.
    @Test func everyBusinessDayCountThatReaches2027RaisesIt() throws {
        // Asia (10-20 business days) from 2026-12-10: the promise ends in 2027.
        let asia = try Support.estimate(
            destination: "JP", orderedAt: Support.time("2026-12-10T10:00:00+08:00"), now: Support.noon("2026-12-11"))
        #expect(asia.promised.map { $0.latest.parts.year } == 2027)
        #expect(asia.calendarWarnings.map(\.year) == [2027])

        // The processing window alone, for a country the store does not serve (no promise): ordered 2026-12-21,
        // processed by 2026-12-28, nothing reaches 2027; ordered 2026-12-28, the processing deadline and the
        // tracking grace (both 5 business days) reach 2027-01-04.
        let notServedInTime = try Support.estimate(
            destination: "CU", orderedAt: Support.time("2026-12-21T10:00:00+08:00"), now: Support.noon("2026-12-22"))
        #expect(notServedInTime.calendarWarnings.isEmpty)
        let notServedLate = try Support.estimate(
            destination: "CU", orderedAt: Support.time("2026-12-28T10:00:00+08:00"), now: Support.noon("2026-12-29"))
        #expect(notServedLate.processingDeadline == Support.day("2027-01-04"))
        #expect(notServedLate.calendarWarnings.map(\.year) == [2027])

        // Business days late counted to a "today" in 2027.
        let late = try Support.estimate(now: Support.noon("2027-01-05"))
        #expect(late.has(.late))
        #expect(late.calendarWarnings.map(\.year) == [2027])
    }

    /// A parcel delivered in 2026 and looked at in 2027 counts nothing in 2027.
    @Test func aDeliveryBeforeTheYearEndCountsNothingAfterIt() throws {
        let delivered = TrackingState.result(
            Support.result([
                Support.event(.delivered, at: Support.noon("2026-03-20")),
                Support.event(.inTransit, at: Support.noon("2026-03-04")),
            ]))
        let estimate = try Support.estimate(
            trackingNumber: "LX123456785CN", tracking: delivered, now: Support.noon("2027-01-05"))
        #expect(estimate.isDelivered)
        #expect(estimate.calendarWarnings.isEmpty)
    }

    /// An order of two parcels lists each year once.
    @Test func anOrderListsEachYearOnce() throws {
        let order = try Support.estimator.estimateOrder(
            OrderFacts(
                orderedAt: Self.lateNovember, destination: "NG",
                parcels: [ParcelFacts(), ParcelFacts(shippedAt: Support.noon("2026-12-02"))]),
            now: Support.noon("2026-12-03"))
        #expect(order.parcels.allSatisfy { $0.calendarWarnings.map(\.year) == [2027] })
        #expect(order.calendarWarnings.map(\.year) == [2027])
        #expect(order.hasCalendarWarnings)
        let data = try JSONEncoder().encode(order)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect((object["calendar_warnings"] as? [[String: Any]])?.first?["year"] as? Int == 2027)
    }

    /// Years before the first listed one warn too: nothing is known about their holidays either.
    @Test func aYearBeforeTheListsWarns() throws {
        let estimate = try Support.estimate(
            orderedAt: Support.time("2024-12-20T10:00:00+08:00"), now: Support.noon("2024-12-21"))
        #expect(estimate.calendarWarnings.map(\.year) == [2024])
    }
}

/// The warning rule on its own: every unlisted year between two days, whatever their order.
struct CalendarWarningRuleTests {
    let policy = StorePolicy.builtIn

    @Test(arguments: [
        ("2025-01-01", "2026-12-31", [Int]()),
        ("2026-12-31", "2025-01-01", []),
        ("2024-12-31", "2025-01-01", [2024]),
        ("2026-12-31", "2027-01-01", [2027]),
        ("2024-06-01", "2028-06-01", [2024, 2027, 2028]),
    ])
    func warnsForEachUnlistedYear(from: String, through: String, years: [Int]) {
        #expect(policy.calendarWarnings(from: Support.day(from), through: Support.day(through)).map(\.year) == years)
    }

    /// Listed years need not be consecutive: a gap year warns.
    @Test func aGapBetweenListedYearsWarns() throws {
        let policy = try Support.policy { policy in
            policy["holiday_years"] = [2025, 2027]
            policy["holidays"] = (policy["holidays"] as? [[String: Any]] ?? []).filter {
                ($0["date"] as? String ?? $0["from"] as? String ?? "").hasPrefix("2025")
            }
            policy["working_days"] = (policy["working_days"] as? [[String: Any]] ?? []).filter {
                ($0["date"] as? String ?? "").hasPrefix("2025")
            }
        }
        #expect(policy.calendarWarnings(from: Support.day("2025-03-01"), through: Support.day("2025-12-01")).isEmpty)
        #expect(policy.calendarWarnings(from: Support.day("2027-03-01"), through: Support.day("2027-12-01")).isEmpty)
        let gap = policy.calendarWarnings(from: Support.day("2025-12-01"), through: Support.day("2027-02-01"))
        #expect(gap.map(\.year) == [2026])
        #expect(gap.first?.kind == .noHolidayList)
    }
}
