import Foundation
import ShipTrackEstimate
import Testing

/// Bad input is refused with the field and the value named.
struct EstimatorInputTests {
    @Test func orderInTheFutureIsRefused() throws {
        let error = try #require(throws: InputError.self) {
            try Support.estimate(now: Support.time("2026-03-02T09:59:59+08:00"))
        }
        #expect(error.code == .orderInFuture)
        #expect(
            error.description
                == "ordered_at: \"2026-03-02T10:00:00+08:00\" is later than as_of 2026-03-02T09:59:59+08:00: an order "
                + "cannot be in the future")
        #expect(
            error.renamingField { "--" + $0.replacingOccurrences(of: "_", with: "-") }.description
                == "--ordered-at: \"2026-03-02T10:00:00+08:00\" is later than --as-of 2026-03-02T09:59:59+08:00: an "
                + "order cannot be in the future")
    }

    @Test func anOrderExactlyNowIsFine() throws {
        #expect(try Support.estimate(now: Support.orderedAt).has(.cancellable))
    }

    @Test func shipBeforeOrderIsRefused() throws {
        let error = try #require(throws: InputError.self) {
            try Support.estimate(shippedAt: Support.time("2026-03-02T09:00:00+08:00"), now: Support.noon("2026-03-05"))
        }
        #expect(error.code == .shippedBeforeOrder)
        #expect(
            error.description
                == "shipped_at: \"2026-03-02T09:00:00+08:00\" is before ordered_at 2026-03-02T10:00:00+08:00")
    }

    @Test func shipAfterNowIsRefused() throws {
        let error = try #require(throws: InputError.self) {
            try Support.estimate(shippedAt: Support.noon("2026-03-06"), now: Support.noon("2026-03-05"))
        }
        #expect(error.code == .shipmentInFuture)
        #expect(error.field == "shipped_at")
    }

    @Test func unknownDestinationIsRefused() throws {
        let error = try #require(throws: InputError.self) {
            try Support.estimate(destination: "Narnia", now: Support.noon("2026-03-05"))
        }
        #expect(error.code == .unknownCountry)
        #expect(error.field == "destination")
        #expect(error.value == "Narnia")
    }
}
