import Foundation
import ShipTrackEstimate
import ShipTrackModel
import Testing

/// Flags that depend on the carrier's status are raised only from a status a carrier actually gave: a parcel whose
/// number no carrier has answered for may be delivered already (issue 11, item 6).
@Suite("Never flag on what was not checked")
struct NotCheckedFlagTests {
    @Test("A number never checked, long past the promise and the guarantee, is neither late nor refund-eligible")
    func neverChecked() throws {
        let estimate = try Support.estimate(
            trackingNumber: "LX123456785CN", tracking: .notFetched, now: Support.noon("2026-04-25"))
        #expect(estimate.tracking.state == .notFetched)
        #expect(!estimate.has(.late))
        #expect(!estimate.has(.refundEligible))
        #expect(!estimate.has(.refundWindowClosing))
        #expect(!estimate.has(.stalled))
    }

    @Test("The same parcel with the carrier's answer kept from an earlier night is late and refund-eligible")
    func checkedOnAnEarlierNight() throws {
        let result = Support.result([Support.event(.inTransit, at: Support.noon("2026-03-06"))])
        let facts = TrackingFacts(
            result: result, orderedAt: Support.orderedAt, now: Support.noon("2026-03-10"), calendar: Support.calendar)
        let estimate = try Support.estimate(
            trackingNumber: "LX123456785CN", tracking: .facts(facts), now: Support.noon("2026-04-25"))
        #expect(estimate.has(.late))
        #expect(estimate.has(.refundEligible))
        #expect(estimate.has(.stalled))
    }

    @Test("Kept facts estimate exactly as the result they came from")
    func factsMatchTheResult() throws {
        let now = Support.noon("2026-04-25")
        let result = Support.result([
            Support.event(.exception, at: Support.noon("2026-04-20"), reason: .customsHold),
            Support.event(.inTransit, at: Support.noon("2026-03-06")),
        ])
        let facts = TrackingFacts(result: result, orderedAt: Support.orderedAt, now: now, calendar: Support.calendar)
        let fromResult = try Support.estimate(trackingNumber: "LX123456785CN", tracking: .result(result), now: now)
        let fromFacts = try Support.estimate(trackingNumber: "LX123456785CN", tracking: .facts(facts), now: now)
        #expect(fromResult.flags == fromFacts.flags)
        #expect(fromResult.guarantee == fromFacts.guarantee)
        #expect(fromResult.tracking == fromFacts.tracking)
        // Codable: what the batch stores reads back the same.
        let stored = try JSONDecoder().decode(TrackingFacts.self, from: JSONEncoder().encode(facts))
        #expect(stored == facts)
    }
}
