/// Orders and merges the events of one or more legs into one timeline, newest first.
///
/// Carriers' listings are mostly right about order, and times alone are not enough: a date-only row on the day of
/// timed rows, an undated row ("Origin Post is Preparing Shipment"), a time whose zone is unknown cannot be compared
/// with their neighbours. So each leg starts from the carrier's own order, and a time moves an event only where it
/// proves the order wrong: every event gets a sort key inside the span its time allows (an instant; a whole day;
/// a day or time widened by every offset a zone could have; anything, for an undated row), chosen as close to its
/// predecessor in the carrier's listing as that span permits. Events are then ordered by key, the carrier's
/// position breaking ties. The current status of a parcel is the newest event of that order.
public enum Timeline {
    /// The widest offsets a zone can have (UTC-12 to UTC+14), in seconds: the span of a time whose zone is unknown.
    static let earliestOffset = -12 * 3_600
    static let latestOffset = 14 * 3_600

    /// `events` of possibly several legs, ordered newest first. `legOrder` ranks legs (origin first) for events of
    /// different legs that nothing else orders.
    public static func ordered(_ events: [TrackingEvent], legOrder: [CarrierID] = []) -> [TrackingEvent] {
        guard events.count > 1 else { return events }
        var keyed: [(event: TrackingEvent, key: Int, leg: Int)] = []
        keyed.reserveCapacity(events.count)
        var legs: [CarrierID] = legOrder
        for event in events where !legs.contains(event.reportedBy) { legs.append(event.reportedBy) }
        for (legIndex, leg) in legs.enumerated() {
            let legEvents = events.filter { $0.reportedBy == leg }.sorted { $0.position < $1.position }
            for (event, key) in keys(forLeg: legEvents) { keyed.append((event, key, legIndex)) }
        }
        keyed.sort { lhs, rhs in
            if lhs.key != rhs.key { return lhs.key > rhs.key }
            if lhs.leg == rhs.leg { return lhs.event.position > rhs.event.position }
            // Same moment on two legs: the later life-cycle stage is the newer (delivered after out for delivery),
            // then the later leg (the destination post's scan follows the origin's hand-over).
            if lhs.event.status != rhs.event.status { return lhs.event.status > rhs.event.status }
            return lhs.leg > rhs.leg
        }
        return keyed.map(\.event)
    }

    /// Each event of one leg (in the carrier's order, oldest first) with its sort key in seconds.
    static func keys(forLeg events: [TrackingEvent]) -> [(TrackingEvent, Int)] {
        var result: [(TrackingEvent, Int)] = []
        result.reserveCapacity(events.count)
        // An undated first row takes the key of the first dated row after it, so it stays first.
        var previous: Int? = events.lazy.compactMap { span(of: $0.time)?.lowerBound }.first
        for event in events {
            let key: Int
            if let span = span(of: event.time) {
                key = min(max(previous ?? span.lowerBound, span.lowerBound), span.upperBound)
            } else {
                key = previous ?? 0
            }
            result.append((event, key))
            previous = key
        }
        return result
    }

    /// The seconds since 1970 (UTC) an event's time may stand for; `nil` when it has no time at all.
    static func span(of time: EventTime?) -> ClosedRange<Int>? {
        guard let time else { return nil }
        let start = time.dateOnly ? time.local.daysSinceEpoch * 86_400 : time.local.secondsSinceEpochAsUTC
        let end = time.dateOnly ? start + 86_399 : start
        if let offset = time.utcOffsetSeconds { return (start - offset)...(end - offset) }
        return (start - latestOffset)...(end - earliestOffset)
    }

    /// Merges legs that may report the same scan (China Post relays the US arrival and delivery USPS scanned), keeping
    /// each scan once, and orders the result newest first.
    ///
    /// Two events of different legs are the same scan when they mean the same (status and reason) and happened at
    /// the same minute: the same instant when both zones are known, else the same wall-clock time (China Post prints
    /// US scans in US local time without a zone). The copy kept is the one that knows its zone, else the earlier
    /// leg's in `legOrder`: a choice that depends only on the events, never on which leg answered first.
    public static func merged(_ legs: [[TrackingEvent]], legOrder: [CarrierID]) -> [TrackingEvent] {
        let all = legs.flatMap { $0 }
        guard legs.filter({ !$0.isEmpty }).count > 1 else { return ordered(all, legOrder: legOrder) }
        func rank(_ leg: CarrierID) -> Int { legOrder.firstIndex(of: leg) ?? legOrder.count }
        var kept: [TrackingEvent] = []
        var dropped = Set<Int>()
        for (index, event) in all.enumerated() where !dropped.contains(index) {
            var best = event
            for (otherIndex, other) in all.enumerated().dropFirst(index + 1)
            where !dropped.contains(otherIndex) && other.reportedBy != event.reportedBy && isSameScan(best, other) {
                dropped.insert(otherIndex)
                if prefers(other, over: best, rank: rank) { best = other }
            }
            kept.append(best)
        }
        return ordered(kept, legOrder: legOrder)
    }

    static func isSameScan(_ lhs: TrackingEvent, _ rhs: TrackingEvent) -> Bool {
        guard lhs.status == rhs.status, lhs.reason == rhs.reason, let left = lhs.time, let right = rhs.time,
            left.dateOnly == right.dateOnly
        else { return false }
        if let leftInstant = left.instantSeconds, let rightInstant = right.instantSeconds {
            return floorMinute(leftInstant) == floorMinute(rightInstant)
        }
        return floorMinute(left.local.secondsSinceEpochAsUTC) == floorMinute(right.local.secondsSinceEpochAsUTC)
    }

    private static func prefers(_ candidate: TrackingEvent, over current: TrackingEvent, rank: (CarrierID) -> Int) -> Bool {
        let candidateKnowsZone = candidate.time?.utcOffsetSeconds != nil
        let currentKnowsZone = current.time?.utcOffsetSeconds != nil
        if candidateKnowsZone != currentKnowsZone { return candidateKnowsZone }
        return rank(candidate.reportedBy) < rank(current.reportedBy)
    }

    static func floorMinute(_ seconds: Int) -> Int { seconds >= 0 ? seconds / 60 : (seconds - 59) / 60 }
}
