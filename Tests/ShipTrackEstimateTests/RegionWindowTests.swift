import Foundation
import ShipTrackEstimate
import Testing

/// Every region's promised window: order day + processing (2-5) + transit business days.
struct RegionWindowTests {
    /// Ordered Monday 2026-03-02; Qingming (Monday 6 April) and Labour Day (1-5 May) are holidays, Saturday 9 May
    /// is an adjusted working day.
    @Test(arguments: [
        (Region.unitedStates, "US", "2026-03-18", "2026-04-21"),
        (.canadaEurope, "CA", "2026-03-18", "2026-04-21"),
        (.canadaEurope, "DE", "2026-03-18", "2026-04-21"),
        (.australiaNewZealand, "AU", "2026-03-18", "2026-04-21"),
        (.australiaNewZealand, "NZ", "2026-03-18", "2026-04-21"),
        (.centralSouthAmerica, "BR", "2026-03-25", "2026-04-21"),
        (.centralSouthAmerica, "MX", "2026-03-25", "2026-04-21"),
        (.asia, "JP", "2026-03-18", "2026-04-07"),
        (.africa, "NG", "2026-03-25", "2026-05-14"),
    ])
    func promisedWindow(region: Region, destination: String, earliest: String, latest: String) throws {
        let estimate = try Support.estimate(destination: destination, now: Support.noon("2026-03-03"))
        #expect(estimate.destination.region == region)
        #expect(estimate.promised == DayWindow(earliest: Support.day(earliest), latest: Support.day(latest)))
        #expect(
            Support.estimator.promisedWindow(orderedOn: Support.day("2026-03-02"), region: region)
                == DayWindow(earliest: Support.day(earliest), latest: Support.day(latest)))
    }

    /// The windows follow the policy's numbers: each region's earliest and latest day are exactly processing +
    /// transit business days after the order day.
    @Test(arguments: Region.allCases)
    func windowMatchesThePolicyNumbers(region: Region) {
        let policy = StorePolicy.builtIn
        let ordered = Support.day("2026-06-01")
        let window = Support.estimator.promisedWindow(orderedOn: ordered, region: region)
        let transit = policy.transitBusinessDays(for: region)
        #expect(policy.calendar.businessDays(from: ordered, to: window.earliest) == 2 + transit.lowerBound)
        #expect(policy.calendar.businessDays(from: ordered, to: window.latest) == 5 + transit.upperBound)
        #expect(policy.calendar.isBusinessDay(window.earliest))
        #expect(policy.calendar.isBusinessDay(window.latest))
    }

    /// Ordered across the year end: Wednesday 2025-12-31, New Year (1-3 January) and the Spring Festival (15-23
    /// February) both fall inside the window, and so do the adjusted working days Sunday 4 January and Saturday 14
    /// February.
    @Test func windowAcrossTheYearEndAndTheSpringFestival() throws {
        let estimate = try Support.estimate(
            destination: "US", orderedAt: Support.time("2025-12-31T09:00:00+08:00"), now: Support.noon("2026-01-02"))
        #expect(estimate.orderedOn == Support.day("2025-12-31"))
        #expect(estimate.processingDeadline == Support.day("2026-01-08"))
        #expect(estimate.promised == DayWindow(earliest: Support.day("2026-01-19"), latest: Support.day("2026-02-26")))
    }

    @Test(arguments: [
        (Region.unitedStates, "2026-03-18", "2026-04-16"),
        (.asia, "2026-03-18", "2026-04-01"),
        (.africa, "2026-03-25", "2026-05-11"),
    ])
    func expectedWindowFromTheHandover(region: Region, earliest: String, latest: String) {
        #expect(
            Support.estimator.expectedWindow(handedOverOn: Support.day("2026-03-04"), region: region)
                == DayWindow(earliest: Support.day(earliest), latest: Support.day(latest)))
    }

    @Test func theOrderTimeOfDayIsReadInTheStoresZone() throws {
        // 2026-03-01T20:00:00-05:00 is Monday 09:00 in Shanghai: the order day is Monday.
        let estimate = try Support.estimate(
            orderedAt: Support.time("2026-03-01T20:00:00-05:00"), now: Support.noon("2026-03-03"))
        #expect(estimate.orderedOn == Support.day("2026-03-02"))
        #expect(estimate.promised?.earliest == Support.day("2026-03-18"))
    }
}
