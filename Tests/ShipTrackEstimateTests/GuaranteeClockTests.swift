import Foundation
import ShipTrackEstimate
import ShipTrackModel
import Testing

/// "45 days not including 2-5 day processing": the 45 days run from the hand-over to the carrier when it is known
/// (the store's ship time, or the carrier's first acceptance), and from the end of the processing window only when
/// it is not. The reference order is Monday 2026-03-02; processing ends Monday 2026-03-09.
struct GuaranteeClockTests {
    /// The carrier's first acceptance on `day`, still moving on `asOf`.
    static func accepted(on day: String, asOf: String) -> TrackingState {
        .result(
            Support.result([
                Support.event(.inTransit, at: Support.noon(asOf).addingTimeInterval(-3_600)),
                Support.event(.inTransit, at: Support.noon(day)),
            ]))
    }

    @Test func aKnownShipTimeStartsTheClock() throws {
        let estimate = try Support.estimate(shippedAt: Support.noon("2026-03-03"), now: Support.noon("2026-03-10"))
        #expect(estimate.handover?.source == .shipTime)
        #expect(estimate.guarantee.startsOn == Support.day("2026-03-03"))
        #expect(estimate.guarantee.clock == .handover)
        #expect(estimate.guarantee.endsOn == Support.day("2026-04-17"))
        #expect(estimate.guarantee.refundWindow == DayWindow(earliest: Support.day("2026-04-18"), latest: Support.day("2026-05-02")))
    }

    @Test func theCarriersFirstAcceptanceStartsTheClock() throws {
        let estimate = try Support.estimate(
            trackingNumber: "LX123456785CN", tracking: Self.accepted(on: "2026-03-04", asOf: "2026-03-10"),
            now: Support.noon("2026-03-10"))
        #expect(estimate.handover?.source == .carrierEvent)
        #expect(estimate.guarantee.startsOn == Support.day("2026-03-04"))
        #expect(estimate.guarantee.clock == .handover)
        #expect(estimate.guarantee.endsOn == Support.day("2026-04-18"))
    }

    @Test func withoutAHandoverTheClockStartsWhenProcessingEnds() throws {
        let estimate = try Support.estimate(now: Support.noon("2026-03-05"))
        #expect(estimate.handover == nil)
        #expect(estimate.guarantee.startsOn == Support.day("2026-03-09"))
        #expect(estimate.guarantee.clock == .processingDeadline)
        #expect(estimate.guarantee.endsOn == Support.day("2026-04-23"))
    }

    /// Processing took longer than 5 business days: the 45 days still exclude it and start at the hand-over.
    @Test func aHandoverAfterTheProcessingWindowStartsTheClockThen() throws {
        let estimate = try Support.estimate(shippedAt: Support.noon("2026-03-13"), now: Support.noon("2026-03-20"))
        #expect(estimate.guarantee.startsOn == Support.day("2026-03-13"))
        #expect(estimate.guarantee.endsOn == Support.day("2026-04-27"))
    }

    /// Handed over on 2026-03-04 (carrier event): the guarantee ends 2026-04-18, refund-eligible from the 19th.
    @Test(arguments: [("2026-04-17", false), ("2026-04-18", false), ("2026-04-19", true)])
    func refundEligibilityFollowsTheHandover(day: String, expected: Bool) throws {
        let estimate = try Support.estimate(
            trackingNumber: "LX123456785CN", tracking: Self.accepted(on: "2026-03-04", asOf: day),
            now: Support.noon(day))
        #expect(estimate.has(.refundEligible) == expected)
        if expected {
            let flag = try #require(estimate.flags.first { $0.kind == .refundEligible })
            #expect(flag.reason.contains("counted after the hand-over to the carrier on Wednesday 2026-03-04"))
        }
    }

    /// A store that wants the old fixed clock keeps it with `processing_deadline`.
    @Test func aStoreCanKeepTheClockAtTheEndOfProcessing() throws {
        let estimator = Estimator(
            policy: try Support.policy {
                var refund = $0["refund"] as? [String: Any] ?? [:]
                refund["guarantee_starts"] = "processing_deadline"
                $0["refund"] = refund
            })
        let estimate = try Support.estimate(
            shippedAt: Support.noon("2026-03-03"), now: Support.noon("2026-03-10"), estimator: estimator)
        #expect(estimate.guarantee.startsOn == Support.day("2026-03-09"))
        #expect(estimate.guarantee.clock == .processingDeadline)
    }
}
