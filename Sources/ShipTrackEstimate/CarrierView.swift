import Foundation
import ShipTrackModel

/// The carrier's answer as of "now": events after "now" are ignored (so `--as-of` replays the past), and the
/// newest remaining event, the first acceptance and the delivery are picked out once.
///
/// Only the few fields the rules need are kept: copying whole events (a dozen strings each) was the largest cost of
/// an estimate.
struct CarrierView {
    let trackingNumber: String?
    let summary: ShipmentEstimate.TrackingSummary
    /// The newest event's status, when there is an event not after "now".
    let newestStatus: TrackingStatus?
    /// The newest event's reason.
    let newestReason: StatusReason?
    /// The newest event's day in the store's zone.
    let newestOn: CalendarDay?
    /// The day of the oldest event showing the parcel in the carrier's hands, on or after the order.
    let acceptedOn: CalendarDay?
    /// The day of delivery when the newest event is a delivery.
    let deliveredOn: CalendarDay?
    /// Whether anything shows the parcel left the store: a ship time, a tracking number or carrier events.
    let hasShipment: Bool

    /// Statuses that show the carrier holds the parcel (`info_received` is only a label; `expired` says nothing).
    private static func isAcceptance(_ status: TrackingStatus) -> Bool {
        switch status {
        case .inTransit, .outForDelivery, .attemptFail, .availableForPickup, .delivered, .exception: true
        case .pending, .infoReceived, .expired: false
        }
    }

    init(facts: ShipmentFacts, now: Date, today: CalendarDay, calendar: BusinessCalendar) {
        func day(_ time: EventTime?) -> CalendarDay? {
            guard let time else { return nil }
            // Without an offset the carrier's own wall-clock date is the best there is; it is never read as UTC.
            if let instant = time.instant { return calendar.day(of: instant) }
            return CalendarDay(daysSinceEpoch: time.local.daysSinceEpoch)
        }
        func isAfterNow(_ time: EventTime?) -> Bool {
            // An undated row (the carrier printed none) is placed by the carrier's order, never in the future.
            guard let time else { return false }
            if let instant = time.instant { return instant > now }
            return CalendarDay(daysSinceEpoch: time.local.daysSinceEpoch) > today
        }

        var trackingNumber = facts.trackingNumber
        var newestStatus: TrackingStatus?
        var newestReason: StatusReason?
        var newestOn: CalendarDay?
        var acceptedOn: CalendarDay?
        let state: ShipmentEstimate.TrackingSummary.State
        switch facts.tracking {
        case .notFetched:
            state = trackingNumber == nil ? .noTrackingNumber : .notFetched
        case .notFound:
            state = .notFound
        case .result(let result):
            if trackingNumber == nil, !result.trackingNumber.isEmpty { trackingNumber = result.trackingNumber }
            let events = result.events
            // Events are newest first; skip the ones after "now".
            var first = 0
            while first < events.count, isAfterNow(events[first].time) { first += 1 }
            if first < events.count {
                newestStatus = events[first].status
                newestReason = events[first].reason
                newestOn = day(events[first].time)
            }
            let orderedOn = calendar.day(of: facts.orderedAt)
            var index = events.count - 1
            while index >= first {
                if CarrierView.isAcceptance(events[index].status), let eventDay = day(events[index].time) {
                    // An acceptance before the order belongs to an earlier use of the number.
                    if eventDay >= orderedOn {
                        acceptedOn = eventDay
                        break
                    }
                }
                index -= 1
            }
            state = newestStatus == nil || newestStatus == .pending ? .noInformation : .events
        }

        self.trackingNumber = trackingNumber
        self.newestStatus = newestStatus
        self.newestReason = newestReason
        self.newestOn = newestOn
        self.acceptedOn = acceptedOn
        self.deliveredOn = newestStatus == .delivered ? newestOn : nil
        self.hasShipment = facts.shippedAt != nil || trackingNumber != nil || newestStatus != nil
        self.summary = .init(state: state, status: newestStatus, reason: newestReason, lastEventOn: newestOn)
    }
}
