import Foundation
import ShipTrackEstimate
import ShipTrackModel
import ShipTrackReport

/// Orders in known situations, built on the reference order (Monday 2026-03-02, to Germany) and estimated for real.
enum Scenarios {
    static let estimator = ReportFixtures.estimator
    static let calendar = ReportFixtures.calendar
    static let orderedOn = calendar.day(of: ReportFixtures.orderedAt)
    /// The latest promised day of an order to Germany (Canada, Europe: 10–30 business days after 2–5).
    static let promisedLatest = estimator.promisedWindow(orderedOn: orderedOn, region: .canadaEurope).latest

    /// The nightly run `days` after the order day.
    static func night(after day: CalendarDay) -> Date { calendar.startOfDay(day).addingTimeInterval(5_400) }

    static func daysAfterOrder(_ day: CalendarDay) -> Double { Double(orderedOn.days(to: day)) }

    /// The carrier's acceptance on the last processing day (Monday 2026-03-09): the hand-over the guarantee's clock
    /// starts from, so the guarantee ends three days after the latest promised day, as the policy's numbers intend.
    static let acceptance = ReportFixtures.event("【广州国际】已收寄", .inTransit, daysAfterOrder: 7)

    /// In transit yesterday, `daysLate` days past the promise.
    static func late(
        _ id: String, daysLate: Int, state: ReportFlag.State = .stillOpen, changes: [ReportChange] = [],
        name: String? = "Ana Silva"
    ) throws -> ReportOrder {
        let today = promisedLatest.adding(days: daysLate)
        return try ReportFixtures.order(
            id: id, name: name,
            events: [acceptance, ReportFixtures.event("离开【广州国际】", .inTransit, daysAfterOrder: daysAfterOrder(today) - 1)],
            now: night(after: today), state: { _ in state }, changes: changes)
    }

    /// Held by customs since yesterday, twenty days after the order.
    static func customs(_ id: String) throws -> ReportOrder {
        let today = orderedOn.adding(days: 20)
        return try ReportFixtures.order(
            id: id,
            events: [
                ReportFixtures.event("【广州国际】已收寄", .inTransit, daysAfterOrder: 3),
                ReportFixtures.event("海关扣留", .exception, reason: .customsHold, daysAfterOrder: 19),
            ],
            now: night(after: today))
    }

    /// No scan for fifteen days.
    static func stalled(_ id: String) throws -> ReportOrder {
        let today = orderedOn.adding(days: 20)
        return try ReportFixtures.order(
            id: id, events: [ReportFixtures.event("【广州国际】已收寄", .inTransit, daysAfterOrder: 5)], now: night(after: today))
    }

    /// Two days into the refund window, moving yesterday.
    static func refundEligible(_ id: String) throws -> ReportOrder {
        let guaranteeEnds = try late("probe", daysLate: 0).guarantee!.endsOn
        let today = guaranteeEnds.adding(days: 2)
        return try ReportFixtures.order(
            id: id, events: [acceptance, ReportFixtures.event("到达寄达地", .inTransit, daysAfterOrder: daysAfterOrder(today) - 1)],
            now: night(after: today))
    }

    /// Delivered yesterday, after being late: its `late` flag cleared tonight.
    static func deliveredAfterLate(_ id: String) throws -> ReportOrder {
        let today = promisedLatest.adding(days: 3)
        return try ReportFixtures.order(
            id: id, events: [acceptance, ReportFixtures.event("已妥投", .delivered, daysAfterOrder: daysAfterOrder(today) - 1)],
            now: night(after: today), cleared: [.late])
    }
}
