import Foundation
import ShipTrackModel

/// Merges events from several legs (China Post and USPS for one ePacket) into one timeline.
///
/// The same scan reported by both legs is kept once. Legs spell places differently ("LOS ANGELES CA" and
/// "ISC LOS ANGELES CA (USPS)"), so the match is on the absolute instant and the normalized meaning, not on text;
/// the first leg's copy (the origin carrier's) is kept. Instants are compared to the minute, because USPS prints
/// minutes where China Post prints seconds for the same scan.
enum TimelineMerger {
    struct Key: Hashable {
        let minute: Int
        let status: TrackingStatus
        let reason: StatusReason?
    }

    static func merge(_ events: [TrackingEvent]) -> [TrackingEvent] {
        // Which leg first reported each (instant, meaning). Two scans of one leg at the same minute with the same
        // meaning ("arrived", "departed") are both real and both kept; only another leg's copy is dropped.
        var firstReporter: [Key: CarrierID] = [:]
        var merged: [TrackingEvent] = []
        merged.reserveCapacity(events.count)
        for event in events {
            guard let instant = event.time.instant else {
                merged.append(event)
                continue
            }
            let seconds = Int(instant.timeIntervalSince1970.rounded(.down))
            let minute = seconds >= 0 ? seconds / 60 : (seconds - 59) / 60
            let key = Key(minute: minute, status: event.status, reason: event.reason)
            if let reporter = firstReporter[key] {
                if reporter == event.reportedBy { merged.append(event) }
            } else {
                firstReporter[key] = event.reportedBy
                merged.append(event)
            }
        }
        return merged.sorted(by: TrackingEvent.newestFirst)
    }
}
