import Foundation
import ShipTrackEstimate
import ShipTrackModel
import Testing

/// The JSON shape other tools rely on: stable snake_case keys, days as YYYY-MM-DD, instants as ISO 8601 UTC.
struct EncodingTests {
    static func json(_ value: some Encodable) throws -> [String: Any] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let data = try encoder.encode(value)
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    @Test func shipmentEstimateKeys() throws {
        let estimate = try Support.estimate(
            trackingNumber: "LX123456785CN", tracking: FlagBoundaryTests.moving(asOf: "2026-04-22"),
            now: Support.noon("2026-04-22"))
        let object = try Self.json(estimate)
        #expect(
            Set(object.keys) == [
                "parcel", "tracking_number", "destination", "ordered_at", "ordered_on", "as_of", "today",
                "processing_deadline", "promised", "handover", "expected", "tracking", "delivered", "delivered_on",
                "days_in_transit", "business_days_in_transit", "business_days_until_promise", "kept_promise", "late",
                "guarantee", "calendar_warnings", "flags",
            ])
        #expect(object["ordered_at"] as? String == "2026-03-02T02:00:00Z")
        #expect(object["ordered_on"] as? String == "2026-03-02")
        #expect(object["promised"] as? [String: String] == ["earliest": "2026-03-18", "latest": "2026-04-21"])
        #expect(object["handover"] as? [String: String] == ["on": "2026-03-04", "source": "carrier_event"])
        #expect(object["delivered_on"] is NSNull)
        #expect(object["late"] as? Bool == true)
        let destination = try #require(object["destination"] as? [String: Any])
        #expect(destination["region"] as? String == "united_states")
        let tracking = try #require(object["tracking"] as? [String: Any])
        #expect(tracking["state"] as? String == "events")
        #expect(tracking["status"] as? String == "in_transit")
        let guarantee = try #require(object["guarantee"] as? [String: Any])
        // Handed over on 2026-03-04 (the carrier's acceptance): 45 days after it.
        #expect(guarantee["starts_on"] as? String == "2026-03-04")
        #expect(guarantee["ends_on"] as? String == "2026-04-18")
        #expect((object["calendar_warnings"] as? [Any])?.isEmpty == true)
        let flags = try #require(object["flags"] as? [[String: Any]])
        let late = try #require(flags.first { $0["kind"] as? String == "late" })
        #expect(late["latest_promised"] as? String == "2026-04-21")
        #expect(late["days_late"] as? Int == 1)
        #expect(late["business_days_late"] as? Int == 1)
        #expect((late["reason"] as? String)?.isEmpty == false)
        #expect(late["parcel"] is NSNull)
    }

    @Test func everyFlagKindEncodesItsKindReasonAndDates() throws {
        let country = try CountryTable.builtIn.resolve("AQ")
        let flags: [DeliveryFlag] = [
            DeliveryFlag(.late(latestPromised: Support.day("2026-04-21"), daysLate: 1, businessDaysLate: 1)),
            DeliveryFlag(
                .noTracking(
                    orderedOn: Support.day("2026-03-02"), graceEndedOn: Support.day("2026-03-09"), graceBusinessDays: 5,
                    answer: .notFound)),
            DeliveryFlag(
                .awaitingShipment(orderedOn: Support.day("2026-03-02"), processingDeadline: Support.day("2026-03-09"))),
            DeliveryFlag(
                .stalled(
                    status: .inTransit, lastEventOn: Support.day("2026-03-20"), daysWithoutEvent: 10, limitDays: 10)),
            DeliveryFlag(
                .exception(status: .exception, reason: .lost, since: Support.day("2026-03-20"), refundExcluded: false)),
            DeliveryFlag(
                .refundEligible(
                    guaranteeStartedOn: Support.day("2026-03-09"), guaranteeClock: .processingDeadline,
                    guaranteeEndedOn: Support.day("2026-04-23"),
                    guaranteeDays: 45, dayKind: .calendar, refundWindowClosesOn: Support.day("2026-05-08"))),
            DeliveryFlag(.refundWindowClosing(refundWindowClosesOn: Support.day("2026-05-08"), daysLeft: 2)),
            DeliveryFlag(
                .deliveredLate(
                    latestPromised: Support.day("2026-04-21"), deliveredOn: Support.day("2026-04-22"), daysLate: 1,
                    businessDaysLate: 1)),
            DeliveryFlag(.notServed(country: country)),
            DeliveryFlag(
                .cancellable(
                    orderedAt: Support.orderedAt, cancellableUntil: Support.time("2026-03-02T22:00:00+08:00"))),
        ]
        #expect(Set(flags.map(\.kind)) == Set(DeliveryFlag.Kind.allCases))
        let expectedKeys: [DeliveryFlag.Kind: Set<String>] = [
            .late: ["latest_promised", "days_late", "business_days_late"],
            .noTracking: ["ordered_on", "grace_ended_on", "grace_business_days", "carrier_answer"],
            .awaitingShipment: ["ordered_on", "processing_deadline"],
            .stalled: ["status", "last_event_on", "days_without_event", "stalled_after_days"],
            .exception: ["status", "carrier_reason", "since", "refund_excluded"],
            .refundEligible: [
                "guarantee_started_on", "guarantee_clock", "guarantee_ended_on", "guarantee_days", "guarantee_day_kind",
                "refund_window_closes_on",
            ],
            .refundWindowClosing: ["refund_window_closes_on", "days_left"],
            .deliveredLate: ["latest_promised", "delivered_on", "days_late", "business_days_late"],
            .notServed: ["country", "country_name"],
            .cancellable: ["ordered_at", "cancellable_until"],
        ]
        for flag in flags {
            let object = try Self.json(flag)
            #expect(object["kind"] as? String == flag.kind.rawValue)
            #expect((object["reason"] as? String)?.count ?? 0 > 20, "\(flag.kind)")
            #expect(
                Set(object.keys) == Set(["kind", "parcel", "reason"]).union(expectedKeys[flag.kind] ?? []),
                "\(flag.kind)")
        }
        let cancellable = try Self.json(flags[9])
        #expect(cancellable["cancellable_until"] as? String == "2026-03-02T14:00:00Z")
    }

    @Test func orderEstimateKeys() throws {
        let estimate = try Support.estimator.estimateOrder(
            OrderFacts(orderedAt: Support.orderedAt, destination: "GB", parcels: [ParcelFacts(), ParcelFacts()]),
            now: Support.noon("2026-03-10"))
        let object = try Self.json(estimate)
        #expect(
            Set(object.keys) == [
                "destination", "ordered_at", "ordered_on", "as_of", "promised", "delivered", "delivered_on", "late",
                "kept_promise", "calendar_warnings", "flags", "parcels",
            ])
        let flags = try #require(object["flags"] as? [[String: Any]])
        #expect(flags.map { $0["parcel"] as? String } == ["parcel 1", "parcel 2"])
    }
}
