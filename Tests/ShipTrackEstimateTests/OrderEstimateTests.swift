import Foundation
import ShipTrackEstimate
import ShipTrackModel
import Testing

/// Orders shipped as several parcels: delivered only when all are, late if any is, flags the union, parcels named.
struct OrderEstimateTests {
    static func delivered(on day: String, number: String) -> ParcelFacts {
        ParcelFacts(
            trackingNumber: number,
            tracking: .result(
                Support.result(
                    [
                        Support.event(.delivered, at: Support.noon(day)),
                        Support.event(.inTransit, at: Support.noon("2026-03-04")),
                    ], number: number)))
    }

    static func moving(lastScan day: String, number: String) -> ParcelFacts {
        ParcelFacts(
            trackingNumber: number,
            tracking: .result(
                Support.result(
                    [
                        Support.event(.inTransit, at: Support.noon(day)),
                        Support.event(.inTransit, at: Support.noon("2026-03-05")),
                    ], number: number)))
    }

    static func order(_ parcels: [ParcelFacts], destination: String = "US") -> OrderFacts {
        OrderFacts(orderedAt: Support.orderedAt, destination: destination, parcels: parcels)
    }

    @Test func deliveredOnlyWhenEveryParcelIs() throws {
        let order = Self.order([
            Self.delivered(on: "2026-04-01", number: "LX000000001CN"),
            Self.moving(lastScan: "2026-04-09", number: "LX000000002CN"),
        ])
        let estimate = try Support.estimator.estimateOrder(order, now: Support.noon("2026-04-10"))
        #expect(!estimate.isDelivered)
        #expect(estimate.deliveredOn == nil)
        #expect(estimate.keptPromise == nil)
        #expect(estimate.parcels.map(\.isDelivered) == [true, false])
        #expect(!estimate.isLate)
    }

    @Test func lateIfAnyParcelIsAndFlagsNameTheirParcel() throws {
        let order = Self.order([
            Self.delivered(on: "2026-04-01", number: "LX000000001CN"),
            Self.moving(lastScan: "2026-04-09", number: "LX000000002CN"),
        ])
        let estimate = try Support.estimator.estimateOrder(order, now: Support.noon("2026-04-22"))
        #expect(estimate.isLate)
        #expect(!estimate.parcels[0].isLate)
        #expect(estimate.parcels[1].isLate)
        // The delivered parcel raises nothing; the other is late, stalled (13 days without news) and refund-eligible
        // (handed over on 2026-03-05, its 45 days ended on 2026-04-19).
        #expect(estimate.flags.map(\.kind) == [.late, .stalled, .refundEligible])
        #expect(estimate.flags.allSatisfy { $0.parcel == "LX000000002CN" })
        #expect(estimate.flags[0].description.hasPrefix("late (LX000000002CN): "))
    }

    @Test func deliveredWhenAllAreWithTheLastDeliveryDay() throws {
        let order = Self.order([
            Self.delivered(on: "2026-04-01", number: "LX000000001CN"),
            Self.delivered(on: "2026-04-22", number: "LX000000002CN"),
        ])
        let estimate = try Support.estimator.estimateOrder(order, now: Support.noon("2026-05-01"))
        #expect(estimate.isDelivered)
        #expect(estimate.deliveredOn == Support.day("2026-04-22"))
        #expect(!estimate.isLate)
        #expect(estimate.keptPromise == false)
        #expect(estimate.flags.map(\.kind) == [.deliveredLate])
        #expect(estimate.flags.first?.parcel == "LX000000002CN")
    }

    @Test func theUnionKeepsEachParcelsFlags() throws {
        let order = Self.order([
            ParcelFacts(
                trackingNumber: "LX000000001CN",
                tracking: .result(
                    Support.result(
                        [Support.event(.exception, at: Support.noon("2026-03-20"), reason: .customsHold)],
                        number: "LX000000001CN"))),
            ParcelFacts(trackingNumber: "LX000000002CN", tracking: .notFound),
            ParcelFacts(),
        ])
        let estimate = try Support.estimator.estimateOrder(order, now: Support.noon("2026-03-22"))
        let named = estimate.flags.map { "\($0.kind.rawValue) \($0.parcel ?? "-")" }
        #expect(
            named == [
                "exception LX000000001CN", "no_tracking LX000000002CN", "awaiting_shipment parcel 3",
            ])
        #expect(estimate.parcels.map(\.parcel) == ["LX000000001CN", "LX000000002CN", "parcel 3"])
    }

    @Test func cancellableOnlyWhileNoParcelHasShipped() throws {
        let now = Support.time("2026-03-02T15:00:00+08:00")
        let unshipped = try Support.estimator.estimateOrder(Self.order([ParcelFacts(), ParcelFacts()]), now: now)
        #expect(unshipped.flags.map(\.kind) == [.cancellable])
        #expect(unshipped.flags.first?.parcel == nil)

        let oneShipped = try Support.estimator.estimateOrder(
            Self.order([ParcelFacts(), ParcelFacts(shippedAt: Support.time("2026-03-02T14:00:00+08:00"))]), now: now)
        #expect(!oneShipped.has(.cancellable))
    }

    @Test func notServedOnceForTheOrder() throws {
        let estimate = try Support.estimator.estimateOrder(
            Self.order([ParcelFacts(), ParcelFacts()], destination: "Antarctica"), now: Support.noon("2026-03-03"))
        #expect(estimate.flags.filter { $0.kind == .notServed }.count == 1)
        #expect(estimate.flags.first { $0.kind == .notServed }?.parcel == nil)
        #expect(estimate.promised == nil)
    }

    @Test func anOrderWithoutParcelsIsOneUnshippedParcel() throws {
        let estimate = try Support.estimator.estimateOrder(Self.order([]), now: Support.noon("2026-03-10"))
        #expect(estimate.parcels.count == 1)
        #expect(estimate.flags.map(\.kind) == [.awaitingShipment])
        #expect(estimate.flags.first?.parcel == "parcel 1")
    }

    @Test func parcelsSharingANumberAreStillToldApart() throws {
        let estimate = try Support.estimator.estimateOrder(
            Self.order([
                ParcelFacts(trackingNumber: "LX000000001CN", tracking: .notFound),
                ParcelFacts(trackingNumber: "LX000000001CN", tracking: .notFound),
            ]), now: Support.noon("2026-03-10"))
        #expect(estimate.parcels.map(\.parcel) == ["LX000000001CN", "LX000000001CN (parcel 2)"])
    }

    @Test func aParcelsBadShipTimeNamesTheParcel() throws {
        let order = Self.order([ParcelFacts(), ParcelFacts(shippedAt: Support.time("2026-03-01T10:00:00+08:00"))])
        let error = try #require(throws: InputError.self) {
            try Support.estimator.estimateOrder(order, now: Support.noon("2026-03-10"))
        }
        #expect(error.code == .shippedBeforeOrder)
        #expect(error.field == "parcels[1].shipped_at")
    }
}
