import Foundation
import ShipTrackModel

extension Estimator {
    /// Statuses in which the parcel should keep producing events; `info_received` included, because a label that is
    /// never followed by an acceptance is the commonest stall.
    private static func isMoving(_ status: TrackingStatus) -> Bool {
        switch status {
        case .infoReceived, .inTransit, .outForDelivery: true
        case .pending, .attemptFail, .availableForPickup, .delivered, .exception, .expired: false
        }
    }

    /// Every flag that applies, in ``DeliveryFlag/Kind`` order. Boundary rules are in `docs/estimator.md`.
    func flags(for estimate: ShipmentEstimate, facts: ShipmentFacts, carrier: CarrierView, now: Date) -> [DeliveryFlag]
    {
        var flags: [DeliveryFlag] = []
        let calendar = policy.calendar
        let today = estimate.today
        let delivered = estimate.isDelivered
        // A parcel with a tracking number no carrier has answered for yet (never checked, or every check failed)
        // may well be delivered: nothing that depends on its status is concluded (late, refund, stalled,
        // exception). The nightly run reports it as not checked instead.
        let statusKnown = estimate.tracking.state != .notFetched

        // late: not delivered and today is after the latest promised day.
        if statusKnown, !delivered, let promised = estimate.promised, today > promised.latest {
            flags.append(
                DeliveryFlag(
                    .late(
                        latestPromised: promised.latest, daysLate: promised.latest.days(to: today),
                        businessDaysLate: calendar.businessDays(from: promised.latest, to: today))))
        }

        // no_tracking: more than the grace (business days) after the order day, and nothing from the carrier.
        let graceEnded = calendar.adding(businessDays: policy.trackingGraceBusinessDays, to: estimate.orderedOn)
        if !delivered, today > graceEnded {
            let answer: DeliveryFlag.CarrierAnswer? =
                switch estimate.tracking.state {
                case .noTrackingNumber: facts.shippedAt == nil ? nil : .noTrackingNumber
                case .notFound: .notFound
                case .noInformation: .noInformation
                case .notFetched, .events: nil
                }
            if let answer {
                flags.append(
                    DeliveryFlag(
                        .noTracking(
                            orderedOn: estimate.orderedOn, graceEndedOn: graceEnded,
                            graceBusinessDays: policy.trackingGraceBusinessDays, answer: answer)))
            }
        }

        // awaiting_shipment: after the processing window, with no tracking number and no ship time; not for a
        // destination the store does not ship to, where not_served says what to do.
        if !carrier.hasShipment, today > estimate.processingDeadline, estimate.destination.isServed {
            flags.append(
                DeliveryFlag(
                    .awaitingShipment(orderedOn: estimate.orderedOn, processingDeadline: estimate.processingDeadline)))
        }

        if !delivered, let status = carrier.newestStatus, let lastEventOn = carrier.newestOn {
            // stalled: still moving, and the newest event is at least `stalledAfterDays` calendar days old.
            let quietDays = lastEventOn.days(to: today)
            if Estimator.isMoving(status), quietDays >= policy.stalledAfterDays {
                flags.append(
                    DeliveryFlag(
                        .stalled(
                            status: status, lastEventOn: lastEventOn, daysWithoutEvent: quietDays,
                            limitDays: policy.stalledAfterDays)))
            }
            // exception: the newest event reports a problem.
            if Estimator.isException(status: status, reason: carrier.newestReason) {
                flags.append(
                    DeliveryFlag(
                        .exception(
                            status: status, reason: carrier.newestReason, since: lastEventOn,
                            refundExcluded: carrier.newestReason.map(policy.refund.excludedReasons.contains) ?? false)))
            }
        }

        // refund_eligible: not delivered after the guarantee's last day, up to the last day to request a refund,
        // unless the carrier's reason is one the policy refuses (the exception flag says so).
        let guarantee = estimate.guarantee
        let excluded = carrier.newestReason.map(policy.refund.excludedReasons.contains) ?? false
        if statusKnown, !delivered, !excluded, guarantee.refundWindow.contains(today) {
            flags.append(
                DeliveryFlag(
                    .refundEligible(
                        guaranteeStartedOn: guarantee.startsOn, guaranteeClock: guarantee.clock,
                        guaranteeEndedOn: guarantee.endsOn,
                        guaranteeDays: policy.refund.guaranteeDays, dayKind: policy.refund.dayKind,
                        refundWindowClosesOn: guarantee.refundWindow.latest)))
            // refund_window_closing: the last `closingWarningDays` days of the request window.
            let daysLeft = today.days(to: guarantee.refundWindow.latest) + 1
            if daysLeft <= policy.refund.closingWarningDays {
                flags.append(
                    DeliveryFlag(
                        .refundWindowClosing(refundWindowClosesOn: guarantee.refundWindow.latest, daysLeft: daysLeft)))
            }
        }

        // delivered_late: delivered after the latest promised day.
        if let deliveredOn = estimate.deliveredOn, let promised = estimate.promised, deliveredOn > promised.latest {
            flags.append(
                DeliveryFlag(
                    .deliveredLate(
                        latestPromised: promised.latest, deliveredOn: deliveredOn,
                        daysLate: promised.latest.days(to: deliveredOn),
                        businessDaysLate: calendar.businessDays(from: promised.latest, to: deliveredOn))))
        }

        if !estimate.destination.isServed {
            flags.append(DeliveryFlag(.notServed(country: estimate.destination)))
        }

        // cancellable: strictly younger than the window, and nothing shipped.
        let cancellableUntil = facts.orderedAt.addingTimeInterval(policy.cancellationWindow)
        if !carrier.hasShipment, now < cancellableUntil {
            flags.append(DeliveryFlag(.cancellable(orderedAt: facts.orderedAt, cancellableUntil: cancellableUntil)))
        }
        return flags
    }

    /// A problem the carrier reports: an exception, a failed attempt, tracking stopped, or a reason that is a problem
    /// whatever the status says (customs hold, return, address, loss, damage, refusal).
    private static func isException(status: TrackingStatus, reason: StatusReason?) -> Bool {
        switch status {
        case .exception, .attemptFail, .expired: return true
        case .delivered: return false
        case .pending, .infoReceived, .inTransit, .outForDelivery, .availableForPickup: break
        }
        switch reason {
        case .customsHold, .returningToSender, .returnedToSender, .addressIssue, .lost, .damaged, .refused: return true
        case .noticeLeft, nil: return false
        }
    }
}
