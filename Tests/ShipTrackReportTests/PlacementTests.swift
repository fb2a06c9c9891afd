import Foundation
import ShipTrackEstimate
import ShipTrackModel
import ShipTrackReport
import Testing

/// Where an order goes: its most urgent open flag's group, handled when every flag is acknowledged and nothing
/// changed, counted only otherwise; and the order within a group.
struct PlacementTests {
    @Test func scenariosRaiseTheFlagsTheyAreNamedFor() throws {
        #expect(try Scenarios.late("a", daysLate: 2).openFlags.map(\.kind) == [.late])
        #expect(try Scenarios.customs("a").openFlags.map(\.kind) == [.exception])
        #expect(try Scenarios.stalled("a").openFlags.map(\.kind) == [.stalled])
        #expect(try Scenarios.refundEligible("a").openFlags.map(\.kind) == [.refundEligible, .late])
    }

    @Test func anOrderGoesToItsMostUrgentGroup() throws {
        let order = try Scenarios.refundEligible("SO-1")
        guard case .action(let urgency) = order.placement else {
            Issue.record("a refund-eligible order needs action")
            return
        }
        #expect(urgency.group == .refundEligible)
    }

    @Test func moreDaysLateIsMoreUrgent() throws {
        let one = try Scenarios.late("SO-A", daysLate: 1)
        let three = try Scenarios.late("SO-B", daysLate: 2)
        #expect(three.placement < one.placement)
        #expect(ReportOrder.reportOrder(three, one))
        #expect(!ReportOrder.reportOrder(one, three))
    }

    @Test func groupsComeInActionOrder() throws {
        let orders = [
            try Scenarios.stalled("SO-1"), try Scenarios.late("SO-2", daysLate: 1), try Scenarios.customs("SO-3"),
            try Scenarios.refundEligible("SO-4"),
        ].sorted(by: ReportOrder.reportOrder)
        #expect(orders.map(\.orderID) == ["SO-4", "SO-3", "SO-2", "SO-1"])
    }

    @Test func handledWithoutChangeLeavesTheActionList() throws {
        let acknowledgement = Acknowledgement(note: "Emailed", at: Scenarios.night(after: Scenarios.promisedLatest))
        let handled = try Scenarios.late("SO-1", daysLate: 2, state: .handled(acknowledgement))
        #expect(handled.placement == .handled)
        #expect(handled.openFlags.isEmpty)
        #expect(handled.handledFlags.map(\.kind) == [.late])

        // New events alone do not bring it back; a new status does.
        let moved = try Scenarios.late("SO-1", daysLate: 2, state: .handled(acknowledgement), changes: [.newEvents(parcel: nil, count: 2)])
        #expect(moved.placement == .handled)
        let changed = try Scenarios.late(
            "SO-1", daysLate: 2, state: .handled(acknowledgement),
            changes: [.statusChanged(parcel: nil, from: ParcelStatus(.inTransit), to: ParcelStatus(.exception, reason: .customsHold))])
        guard case .action(let urgency) = changed.placement else {
            Issue.record("a handled flag whose parcel changed status must come back")
            return
        }
        #expect(urgency.group == .late)
    }

    @Test func notCheckedOrdersWithoutFlagsAreListedLast() throws {
        let order = try ReportFixtures.order(
            events: [ReportFixtures.event("【广州国际】已收寄", .inTransit, daysAfterOrder: 3)],
            now: ReportFixtures.night(5), check: .notChecked(.deadline, lastCheckedAt: nil))
        #expect(order.raisedFlags.isEmpty)
        guard case .action(let urgency) = order.placement else {
            Issue.record("an order the carrier could not be asked about is listed")
            return
        }
        #expect(urgency.group == .notChecked)
        #expect(try Scenarios.stalled("SO-2").placement < order.placement)
    }

    @Test func notCheckedDeliveredParcelsAndClearedCancellationsAreNotListed() throws {
        let delivered = try ReportFixtures.order(
            events: [ReportFixtures.event("已妥投", .delivered, daysAfterOrder: 12)], now: ReportFixtures.night(14),
            cleared: [.cancellable], check: .notChecked(.fetchFailed("HTTP 503"), lastCheckedAt: nil))
        #expect(delivered.placement == .none, "a delivered parcel hides nothing")
        #expect(delivered.clearedFlags.isEmpty, "a cancellation window that passed is not news")
    }

    @Test func quietAndClearedOrdersAreNotListed() throws {
        let quiet = try ReportFixtures.order(
            events: [ReportFixtures.event("【广州国际】已收寄", .inTransit, daysAfterOrder: 3)], now: ReportFixtures.night(5))
        #expect(quiet.placement == .none)
        let cleared = try Scenarios.deliveredAfterLate("SO-9")
        #expect(cleared.clearedFlags.map(\.kind) == [.late])
        #expect(cleared.placement == .none || cleared.raisedFlags.allSatisfy { ActionGroup($0.kind) == nil })
    }

    @Test func statisticsCountEachOrderOnce() throws {
        var statistics = ReportStatistics()
        for order in [try Scenarios.refundEligible("SO-1"), try Scenarios.late("SO-2", daysLate: 1), try Scenarios.deliveredAfterLate("SO-3")] {
            statistics.add(order)
        }
        #expect(statistics.orders == 3)
        #expect(statistics.actionOrders[.refundEligible] == 1)
        #expect(statistics.actionOrders[.late] == 1)
        #expect(statistics.actionTotal == 2)
        #expect(statistics.clearedFlags == 1)
        #expect(statistics.parcelStatuses[.delivered] == 1)
        #expect(statistics.parcelStatuses[.inTransit] == 2)
    }

    @Test func transitHistogramPercentiles() {
        var histogram = TransitHistogram()
        #expect(histogram.percentile(0.5) == nil)
        for days in [5, 6, 7, 8, 100] { histogram.add(days) }
        #expect(histogram.total == 5)
        #expect(histogram.percentile(0.5) == 7)
        #expect(histogram.percentile(0.9) == TransitHistogram.maximumDay)
        #expect(histogram.count(in: 0...7) == 3)
    }
}

extension PlacementTests {
    @Test func anOrderThatNeverShippedIsListedAsAwaitingShipmentEvenWhenLate() throws {
        // Past the promise and never shipped: the estimator raises both; the store must ask its warehouse.
        let today = Scenarios.promisedLatest.adding(days: 1)
        let order = try ReportFixtures.order(id: "SO-UNSHIPPED", number: nil, events: [], now: Scenarios.night(after: today))
        #expect(Set(order.openFlags.map(\.kind)) == [.late, .awaitingShipment])
        #expect(order.leadingFlag?.kind == .awaitingShipment)
        guard case .action(let urgency) = order.placement else {
            Issue.record("an unshipped late order needs action")
            return
        }
        #expect(urgency.group == .awaitingShipment)
    }
}
