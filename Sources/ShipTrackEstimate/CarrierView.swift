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
    static func isAcceptance(_ status: TrackingStatus) -> Bool {
        switch status {
        case .inTransit, .outForDelivery, .attemptFail, .availableForPickup, .delivered, .exception: true
        case .pending, .infoReceived, .expired: false
        }
    }

    init(facts: ShipmentFacts, now: Date, today: CalendarDay, calendar: BusinessCalendar) {
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
            let facts = CarrierView.facts(of: result, orderedAt: facts.orderedAt, now: now, today: today, calendar: calendar)
            if trackingNumber == nil, !facts.trackingNumber.isEmpty { trackingNumber = facts.trackingNumber }
            newestStatus = facts.newestStatus
            newestReason = facts.newestReason
            newestOn = CarrierView.day(facts.newestTime, calendar)
            acceptedOn = CarrierView.day(facts.firstHandover, calendar)
            state = newestStatus == nil || newestStatus == .pending ? .noInformation : .events
        case .facts(let kept):
            if trackingNumber == nil, !kept.trackingNumber.isEmpty { trackingNumber = kept.trackingNumber }
            newestStatus = kept.newestStatus
            newestReason = kept.newestReason
            newestOn = CarrierView.day(kept.newestTime, calendar)
            acceptedOn = CarrierView.day(kept.firstHandover, calendar)
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

    /// The day of an event's time in the store's zone; without an offset the carrier's own wall-clock date is the
    /// best there is (it is never read as UTC).
    static func day(_ time: EventTime?, _ calendar: BusinessCalendar) -> CalendarDay? {
        guard let time else { return nil }
        if let instant = time.instant { return calendar.day(of: instant) }
        return CalendarDay(daysSinceEpoch: time.local.daysSinceEpoch)
    }

    /// The facts of `result` as of `now`: events after "now" are ignored (so `--as-of` replays the past); the
    /// newest remaining event, and the oldest acceptance on or after the order day (an earlier one belongs to an
    /// earlier use of the number).
    static func facts(
        of result: TrackingResult, orderedAt: Date, now: Date, today: CalendarDay, calendar: BusinessCalendar
    ) -> TrackingFacts {
        func isAfterNow(_ time: EventTime?) -> Bool {
            // An undated row (the carrier printed none) is placed by the carrier's order, never in the future.
            guard let time else { return false }
            if let instant = time.instant { return instant > now }
            return CalendarDay(daysSinceEpoch: time.local.daysSinceEpoch) > today
        }
        let events = result.events
        var first = 0
        while first < events.count, isAfterNow(events[first].time) { first += 1 }
        var facts = TrackingFacts(trackingNumber: result.trackingNumber, newestStatus: nil)
        if first < events.count {
            facts.newestStatus = events[first].status
            facts.newestReason = events[first].reason
            facts.newestTime = events[first].time
        }
        let orderedOn = calendar.day(of: orderedAt)
        var index = events.count - 1
        while index >= first {
            if CarrierView.isAcceptance(events[index].status), let eventDay = day(events[index].time, calendar),
                eventDay >= orderedOn
            {
                facts.firstHandover = events[index].time
                break
            }
            index -= 1
        }
        return facts
    }
}
