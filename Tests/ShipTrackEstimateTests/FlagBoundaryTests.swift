import Foundation
import ShipTrackEstimate
import ShipTrackModel
import Testing

/// Each flag on the day before its boundary, the day of it and the day after.
///
/// The reference order is Monday 2026-03-02 10:00 (Shanghai) to the United States: processing ends Monday
/// 2026-03-09 (5 business days), the promise is Wednesday 2026-03-18 to Tuesday 2026-04-21 (Qingming, Monday 6 April,
/// is a holiday), the guarantee of a parcel not yet handed over runs 45 days after 2026-03-09 to Thursday 2026-04-23,
/// and refunds can be requested
/// 2026-04-24 to 2026-05-08.
struct FlagBoundaryTests {
    typealias Kind = DeliveryFlag.Kind

    /// A parcel accepted on 2026-03-04 whose newest scan is `lastScan` days before "now", so it is never stalled
    /// unless a test wants it to be.
    static func moving(asOf day: String, status: TrackingStatus = .inTransit, lastScanDaysAgo: Int = 1) -> TrackingState
    {
        let now = Support.noon(day)
        return .result(
            Support.result([
                Support.event(status, at: now.addingTimeInterval(-86_400 * TimeInterval(lastScanDaysAgo))),
                Support.event(.inTransit, at: Support.noon("2026-03-04")),
            ]))
    }

    // MARK: late

    @Test(arguments: [("2026-04-20", false), ("2026-04-21", false), ("2026-04-22", true), ("2026-04-25", true)])
    func late(day: String, expected: Bool) throws {
        let estimate = try Support.estimate(
            trackingNumber: "LX123456785CN", tracking: Self.moving(asOf: day), now: Support.noon(day))
        #expect(estimate.promised == DayWindow(earliest: Support.day("2026-03-18"), latest: Support.day("2026-04-21")))
        #expect(estimate.has(.late) == expected)
        #expect(estimate.isLate == expected)
    }

    @Test func lateCarriesTheDatesBehindIt() throws {
        let estimate = try Support.estimate(
            trackingNumber: "LX123456785CN", tracking: Self.moving(asOf: "2026-04-25"), now: Support.noon("2026-04-25"))
        let flag = try #require(estimate.flags.first { $0.kind == .late })
        #expect(flag.facts == .late(latestPromised: Support.day("2026-04-21"), daysLate: 4, businessDaysLate: 3))
        #expect(flag.reason.contains("Tuesday 2026-04-21"))
    }

    @Test(arguments: [("2026-04-20", 1), ("2026-04-21", 0), ("2026-04-22", -1), ("2026-04-27", -4)])
    func businessDaysUntilOrPastThePromise(day: String, expected: Int) throws {
        let estimate = try Support.estimate(
            trackingNumber: "LX123456785CN", tracking: Self.moving(asOf: day), now: Support.noon(day))
        #expect(estimate.businessDaysUntilPromise == expected)
    }

    @Test func aDeliveredParcelIsNeverLate() throws {
        let tracking = TrackingState.result(
            Support.result([
                Support.event(.delivered, at: Support.noon("2026-04-23")),
                Support.event(.inTransit, at: Support.noon("2026-03-04")),
            ]))
        let estimate = try Support.estimate(
            trackingNumber: "LX123456785CN", tracking: tracking, now: Support.noon("2026-05-20"))
        #expect(!estimate.has(.late))
        #expect(estimate.businessDaysUntilPromise == nil)
    }

    // MARK: no_tracking (grace: 5 business days after Monday 2026-03-02, ends Monday 2026-03-09)

    @Test(arguments: [("2026-03-08", false), ("2026-03-09", false), ("2026-03-10", true)])
    func noTrackingWhenTheCarrierDoesNotKnowTheNumber(day: String, expected: Bool) throws {
        let estimate = try Support.estimate(
            shippedAt: Support.noon("2026-03-04"), trackingNumber: "LX123456785CN", tracking: .notFound,
            now: Support.noon(day))
        #expect(estimate.has(.noTracking) == expected)
    }

    @Test(arguments: [("2026-03-08", false), ("2026-03-09", false), ("2026-03-10", true)])
    func noTrackingWhenTheCarrierHasNoInformation(day: String, expected: Bool) throws {
        let estimate = try Support.estimate(
            trackingNumber: "LX123456785CN", tracking: .result(Support.result([])), now: Support.noon(day))
        #expect(estimate.has(.noTracking) == expected)
        #expect(estimate.tracking.state == .noInformation)
    }

    @Test(arguments: [("2026-03-08", false), ("2026-03-09", false), ("2026-03-10", true)])
    func noTrackingWhenShippedWithoutANumber(day: String, expected: Bool) throws {
        let estimate = try Support.estimate(shippedAt: Support.noon("2026-03-04"), now: Support.noon(day))
        #expect(estimate.has(.noTracking) == expected)
        #expect(!estimate.has(.awaitingShipment))
    }

    @Test func noTrackingFacts() throws {
        let estimate = try Support.estimate(
            trackingNumber: "LX123456785CN", tracking: .notFound, now: Support.noon("2026-03-10"))
        let flag = try #require(estimate.flags.first { $0.kind == .noTracking })
        #expect(
            flag.facts
                == .noTracking(
                    orderedOn: Support.day("2026-03-02"), graceEndedOn: Support.day("2026-03-09"),
                    graceBusinessDays: 5, answer: .notFound))
    }

    @Test func noNoTrackingWhileTheCarrierWasNotAskedOrHasEvents() throws {
        let notAsked = try Support.estimate(trackingNumber: "LX123456785CN", now: Support.noon("2026-03-20"))
        #expect(!notAsked.has(.noTracking))
        let labelOnly = try Support.estimate(
            trackingNumber: "LX123456785CN",
            tracking: .result(Support.result([Support.event(.infoReceived, at: Support.noon("2026-03-03"))])),
            now: Support.noon("2026-03-10"))
        #expect(!labelOnly.has(.noTracking))
    }

    // MARK: awaiting_shipment (processing ends Monday 2026-03-09)

    @Test(arguments: [("2026-03-08", false), ("2026-03-09", false), ("2026-03-10", true)])
    func awaitingShipment(day: String, expected: Bool) throws {
        let estimate = try Support.estimate(now: Support.noon(day))
        #expect(estimate.has(.awaitingShipment) == expected)
        // The more specific flag: no no_tracking on top of it.
        #expect(!estimate.has(.noTracking))
    }

    @Test func noAwaitingShipmentOnceThereIsANumber() throws {
        let estimate = try Support.estimate(trackingNumber: "LX123456785CN", now: Support.noon("2026-03-20"))
        #expect(!estimate.has(.awaitingShipment))
        #expect(estimate.processingDeadline == Support.day("2026-03-09"))
    }

    // MARK: stalled (newest event on 2026-03-20; 10 days without an event)

    static let lastScan = Support.noon("2026-03-20")

    @Test(arguments: [("2026-03-29", false), ("2026-03-30", true), ("2026-03-31", true)])
    func stalled(day: String, expected: Bool) throws {
        let tracking = TrackingState.result(
            Support.result([
                Support.event(.inTransit, at: Self.lastScan),
                Support.event(.inTransit, at: Support.noon("2026-03-04")),
            ]))
        let estimate = try Support.estimate(trackingNumber: "LX123456785CN", tracking: tracking, now: Support.noon(day))
        #expect(estimate.has(.stalled) == expected)
        if expected {
            let flag = try #require(estimate.flags.first { $0.kind == .stalled })
            #expect(
                flag.facts
                    == .stalled(
                        status: .inTransit, lastEventOn: Support.day("2026-03-20"),
                        daysWithoutEvent: Support.day("2026-03-20").days(to: Support.day(day)), limitDays: 10))
        }
    }

    @Test(arguments: [
        (TrackingStatus.infoReceived, true), (.outForDelivery, true), (.availableForPickup, false), (.delivered, false),
    ])
    func stalledOnlyWhileMoving(status: TrackingStatus, expected: Bool) throws {
        let tracking = TrackingState.result(Support.result([Support.event(status, at: Self.lastScan)]))
        let estimate = try Support.estimate(
            trackingNumber: "LX123456785CN", tracking: tracking, now: Support.noon("2026-04-05"))
        #expect(estimate.has(.stalled) == expected)
    }

    @Test(arguments: [("2026-03-23", false), ("2026-03-24", true)])
    func stalledAfterTheStoresOwnNumberOfDays(day: String, expected: Bool) throws {
        let estimator = Estimator(policy: try Support.policy { $0["stalled_after_days"] = 4 })
        let tracking = TrackingState.result(Support.result([Support.event(.inTransit, at: Self.lastScan)]))
        let estimate = try Support.estimate(
            trackingNumber: "LX123456785CN", tracking: tracking, now: Support.noon(day), estimator: estimator)
        #expect(estimate.has(.stalled) == expected)
    }

    // MARK: exception (the carrier reports the problem on 2026-03-20)

    @Test(arguments: [("2026-03-19", false), ("2026-03-20", true), ("2026-03-21", true)])
    func exceptionFromTheDayTheCarrierReportsIt(day: String, expected: Bool) throws {
        let tracking = TrackingState.result(
            Support.result([
                Support.event(.exception, at: Self.lastScan, reason: .customsHold),
                Support.event(.inTransit, at: Support.noon("2026-03-04")),
            ]))
        let estimate = try Support.estimate(trackingNumber: "LX123456785CN", tracking: tracking, now: Support.noon(day))
        #expect(estimate.has(.exception) == expected)
    }

    @Test(arguments: [
        (TrackingStatus.exception, StatusReason?.some(.customsHold), true, true),
        (.inTransit, .customsHold, true, true),
        (.attemptFail, .noticeLeft, true, false),
        (.attemptFail, nil, true, false),
        (.exception, .returningToSender, true, false),
        (.exception, .returnedToSender, true, false),
        (.exception, .lost, true, false),
        (.exception, .damaged, true, false),
        (.exception, .addressIssue, true, true),
        (.exception, .refused, true, true),
        (.exception, nil, true, false),
        (.expired, nil, true, false),
        (.availableForPickup, .noticeLeft, false, false),
        (.inTransit, nil, false, false),
        (.delivered, nil, false, false),
    ])
    func exceptionWithTheCarriersReason(
        status: TrackingStatus, reason: StatusReason?, expected: Bool, refundExcluded: Bool
    ) throws {
        let tracking = TrackingState.result(
            Support.result([
                Support.event(status, at: Self.lastScan, reason: reason),
                Support.event(.inTransit, at: Support.noon("2026-03-04")),
            ]))
        let estimate = try Support.estimate(
            trackingNumber: "LX123456785CN", tracking: tracking, now: Support.noon("2026-03-22"))
        #expect(estimate.has(.exception) == expected)
        if expected {
            let flag = try #require(estimate.flags.first { $0.kind == .exception })
            #expect(
                flag.facts
                    == .exception(
                        status: status, reason: reason, since: Support.day("2026-03-20"), refundExcluded: refundExcluded
                    ))
        }
    }

    // MARK: refund_eligible and refund_window_closing

    @Test(arguments: [
        ("2026-04-22", false), ("2026-04-23", false), ("2026-04-24", true), ("2026-05-08", true),
        ("2026-05-09", false),
    ])
    func refundEligibleAfterTheGuarantee(day: String, expected: Bool) throws {
        // Not shipped at all: the guarantee starts at the end of processing (2026-03-09).
        let estimate = try Support.estimate(now: Support.noon(day))
        #expect(estimate.guarantee.startsOn == Support.day("2026-03-09"))
        #expect(estimate.guarantee.endsOn == Support.day("2026-04-23"))
        #expect(
            estimate.guarantee.refundWindow
                == DayWindow(earliest: Support.day("2026-04-24"), latest: Support.day("2026-05-08")))
        #expect(estimate.has(.refundEligible) == expected)
    }

    @Test func refundEligibleFacts() throws {
        let estimate = try Support.estimate(now: Support.noon("2026-04-24"))
        let flag = try #require(estimate.flags.first { $0.kind == .refundEligible })
        #expect(
            flag.facts
                == .refundEligible(
                    guaranteeStartedOn: Support.day("2026-03-09"), guaranteeClock: .processingDeadline,
                    guaranteeEndedOn: Support.day("2026-04-23"),
                    guaranteeDays: 45, dayKind: .calendar, refundWindowClosesOn: Support.day("2026-05-08")))
        #expect(flag.reason.contains("until Friday 2026-05-08"))
    }

    @Test(arguments: [
        ("2026-05-05", false, 0), ("2026-05-06", true, 3), ("2026-05-07", true, 2), ("2026-05-08", true, 1),
        ("2026-05-09", false, 0),
    ])
    func refundWindowClosingInItsLastThreeDays(day: String, expected: Bool, daysLeft: Int) throws {
        let estimate = try Support.estimate(now: Support.noon(day))
        #expect(estimate.has(.refundWindowClosing) == expected)
        if expected {
            let flag = try #require(estimate.flags.first { $0.kind == .refundWindowClosing })
            #expect(
                flag.facts == .refundWindowClosing(refundWindowClosesOn: Support.day("2026-05-08"), daysLeft: daysLeft))
        }
    }

    /// A store that keeps the guarantee's clock at the end of the processing window (`processing_deadline`).
    static let fixedClock = Estimator(
        policy: (try? Support.policy {
            var refund = $0["refund"] as? [String: Any] ?? [:]
            refund["guarantee_starts"] = "processing_deadline"
            $0["refund"] = refund
        }) ?? .builtIn)

    /// By default the 45 days run from the hand-over: accepted on 2026-03-04, the guarantee ends on 2026-04-18.
    /// More cases in GuaranteeClockTests.
    @Test(arguments: [("2026-04-17", false), ("2026-04-18", false), ("2026-04-19", true)])
    func guaranteeStartsAtTheHandover(day: String, expected: Bool) throws {
        #expect(Support.estimator.policy.refund.guaranteeStarts == .handoverOrProcessingDeadline)
        let estimate = try Support.estimate(
            trackingNumber: "LX123456785CN", tracking: Self.moving(asOf: day), now: Support.noon(day))
        #expect(estimate.handover == .init(day: Support.day("2026-03-04"), source: .carrierEvent))
        #expect(estimate.guarantee.startsOn == Support.day("2026-03-04"))
        #expect(estimate.has(.refundEligible) == expected)
    }

    /// With `processing_deadline` the clock starts at the end of processing even when the parcel left earlier,
    /// and a late shipment never extends it.
    @Test func aFixedClockIgnoresTheHandover() throws {
        #expect(Self.fixedClock.policy.refund.guaranteeStarts == .processingDeadline)
        let early = try Support.estimate(
            trackingNumber: "LX123456785CN", tracking: Self.moving(asOf: "2026-04-19"), now: Support.noon("2026-04-19"),
            estimator: Self.fixedClock)
        #expect(early.handover == .init(day: Support.day("2026-03-04"), source: .carrierEvent))
        #expect(early.guarantee.startsOn == Support.day("2026-03-09"))
        #expect(!early.has(.refundEligible))
        let late = try Support.estimate(
            shippedAt: Support.noon("2026-03-13"), now: Support.noon("2026-03-20"), estimator: Self.fixedClock)
        #expect(late.handover == .init(day: Support.day("2026-03-13"), source: .shipTime))
        #expect(late.guarantee.startsOn == Support.day("2026-03-09"))
    }

    @Test func guaranteeInBusinessDaysWhenTheStoreSaysSo() throws {
        let estimator = Estimator(
            policy: try Support.policy {
                var refund = $0["refund"] as? [String: Any] ?? [:]
                refund["day_kind"] = "business"
                $0["refund"] = refund
            })
        let estimate = try Support.estimate(now: Support.noon("2026-03-20"), estimator: estimator)
        // 45 business days after Monday 2026-03-09, skipping Qingming (6 April) and Labour Day (1-5 May), working
        // Saturday 9 May.
        #expect(estimate.guarantee.endsOn == Support.day("2026-05-14"))
    }

    @Test(arguments: [StatusReason.customsHold, .addressIssue, .refused])
    func refundIsExcludedForCustomsAndTheCustomersOwnFault(reason: StatusReason) throws {
        let tracking = TrackingState.result(
            Support.result([
                Support.event(.exception, at: Support.noon("2026-04-01"), reason: reason),
                Support.event(.inTransit, at: Support.noon("2026-03-04")),
            ]))
        let estimate = try Support.estimate(
            trackingNumber: "LX123456785CN", tracking: tracking, now: Support.noon("2026-04-24"))
        #expect(!estimate.has(.refundEligible))
        let flag = try #require(estimate.flags.first { $0.kind == .exception })
        #expect(flag.reason.contains("does not refund"))
    }

    @Test func aLostParcelIsRefundEligible() throws {
        let tracking = TrackingState.result(
            Support.result([
                Support.event(.exception, at: Support.noon("2026-04-01"), reason: .lost),
                Support.event(.inTransit, at: Support.noon("2026-03-04")),
            ]))
        let estimate = try Support.estimate(
            trackingNumber: "LX123456785CN", tracking: tracking, now: Support.noon("2026-04-24"))
        #expect(estimate.has(.refundEligible))
        #expect(estimate.has(.exception))
    }

    /// Africa's window (up to 45 business days) outlasts the 45-day guarantee: refund-eligible before late.
    @Test func africaCanBeRefundEligibleBeforeItIsLate() throws {
        let estimate = try Support.estimate(destination: "ZA", now: Support.noon("2026-04-24"))
        #expect(estimate.promised?.latest == Support.day("2026-05-14"))
        #expect(estimate.has(.refundEligible))
        #expect(!estimate.has(.late))
    }

    // MARK: delivered_late (latest promised: Tuesday 2026-04-21)

    @Test(arguments: [("2026-04-20", false), ("2026-04-21", false), ("2026-04-22", true)])
    func deliveredLate(deliveredOn: String, expected: Bool) throws {
        let tracking = TrackingState.result(
            Support.result([
                Support.event(.delivered, at: Support.noon(deliveredOn)),
                Support.event(.inTransit, at: Support.noon("2026-03-04")),
            ]))
        let estimate = try Support.estimate(
            trackingNumber: "LX123456785CN", tracking: tracking, now: Support.noon("2026-05-01"))
        #expect(estimate.isDelivered)
        #expect(estimate.deliveredOn == Support.day(deliveredOn))
        #expect(estimate.has(.deliveredLate) == expected)
        #expect(estimate.keptPromise == !expected)
        #expect(!estimate.has(.late))
        #expect(!estimate.has(.refundEligible))
    }

    @Test func deliveredParcelReportsTheTransitTimeTaken() throws {
        let tracking = TrackingState.result(
            Support.result([
                Support.event(.delivered, at: Support.noon("2026-04-22")),
                Support.event(.inTransit, at: Support.noon("2026-03-04")),
            ]))
        let estimate = try Support.estimate(
            shippedAt: Support.noon("2026-03-03"), trackingNumber: "LX123456785CN", tracking: tracking,
            now: Support.noon("2026-05-01"))
        // The carrier's acceptance wins over the recorded ship time.
        #expect(estimate.handover == .init(day: Support.day("2026-03-04"), source: .carrierEvent))
        #expect(estimate.daysInTransit == 49)
        #expect(estimate.businessDaysInTransit == 34)
        #expect(estimate.expected == DayWindow(earliest: Support.day("2026-03-18"), latest: Support.day("2026-04-16")))
        let flag = try #require(estimate.flags.first { $0.kind == .deliveredLate })
        #expect(
            flag.facts
                == .deliveredLate(
                    latestPromised: Support.day("2026-04-21"), deliveredOn: Support.day("2026-04-22"), daysLate: 1,
                    businessDaysLate: 1))
    }

    // MARK: not_served

    @Test(arguments: [("AQ", true), ("Antarctica", true), ("KP", true), ("US", false), ("GL", false)])
    func notServed(destination: String, expected: Bool) throws {
        let estimate = try Support.estimate(destination: destination, now: Support.noon("2026-04-30"))
        #expect(estimate.has(.notServed) == expected)
        #expect((estimate.promised == nil) == expected)
        if expected {
            // With no promise there is nothing to be late against; the guarantee still runs.
            #expect(!estimate.has(.late))
            #expect(!estimate.has(.awaitingShipment))
            #expect(estimate.has(.refundEligible))
        }
    }

    // MARK: cancellable (ordered 10:00; 12 hours: until 22:00)

    @Test(arguments: [
        ("2026-03-02T21:59:59+08:00", true), ("2026-03-02T22:00:00+08:00", false), ("2026-03-02T22:00:01+08:00", false),
        ("2026-03-02T10:00:00+08:00", true),
    ])
    func cancellable(now: String, expected: Bool) throws {
        let estimate = try Support.estimate(now: Support.time(now))
        #expect(estimate.has(.cancellable) == expected)
    }

    @Test func notCancellableOnceShipped() throws {
        let now = Support.time("2026-03-02T15:00:00+08:00")
        #expect(try !Support.estimate(shippedAt: Support.time("2026-03-02T14:00:00+08:00"), now: now).has(.cancellable))
        #expect(try !Support.estimate(trackingNumber: "LX123456785CN", now: now).has(.cancellable))
        let flag = try #require(try Support.estimate(now: now).flags.first { $0.kind == .cancellable })
        #expect(
            flag.facts
                == .cancellable(
                    orderedAt: Support.orderedAt, cancellableUntil: Support.time("2026-03-02T22:00:00+08:00")))
    }

    // MARK: "now" replays the past

    @Test func eventsAfterNowAreIgnored() throws {
        let tracking = TrackingState.result(
            Support.result([
                Support.event(.delivered, at: Support.noon("2026-04-10")),
                Support.event(.inTransit, at: Support.noon("2026-03-04")),
            ]))
        let before = try Support.estimate(
            trackingNumber: "LX123456785CN", tracking: tracking, now: Support.noon("2026-04-09"))
        #expect(!before.isDelivered)
        #expect(before.tracking.status == .inTransit)
        let after = try Support.estimate(
            trackingNumber: "LX123456785CN", tracking: tracking, now: Support.noon("2026-04-10"))
        #expect(after.isDelivered)
    }
}
