public import Foundation

/// A time zone's UTC offsets as a precomputed list of transitions, so converting an instant to a local day is a
/// binary search instead of a `TimeZone` call.
///
/// Built once per policy from `TimeZone.nextDaylightSavingTimeTransition(after:)`, which reports every offset change
/// (daylight saving and changes of standard time alike). Instants outside the precomputed span ask `TimeZone`.
public struct ZoneOffsets: Sendable {
    /// The zone.
    public let zone: TimeZone
    /// Instants (seconds since 1970) at which the offset changes, ascending.
    private let transitions: [Int]
    /// `offsets[i]` holds before `transitions[i]` (and after `transitions[i - 1]`); one more than `transitions`.
    private let offsets: [Int]
    private let span: ClosedRange<Int>

    /// 1900-01-01T00:00:00Z ... 2200-01-01T00:00:00Z: every order date the store will ever see.
    public static let defaultSpan = -2_208_988_800...7_258_118_400

    public init(zone: TimeZone, span: ClosedRange<Int> = ZoneOffsets.defaultSpan) {
        self.zone = zone
        self.span = span
        var transitions: [Int] = []
        var offsets = [zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(span.lowerBound)))]
        var cursor = Date(timeIntervalSince1970: TimeInterval(span.lowerBound))
        while let next = zone.nextDaylightSavingTimeTransition(after: cursor),
            next.timeIntervalSince1970 <= TimeInterval(span.upperBound), next > cursor
        {
            transitions.append(Int(next.timeIntervalSince1970.rounded(.down)))
            offsets.append(zone.secondsFromGMT(for: next))
            cursor = next
        }
        self.transitions = transitions
        self.offsets = offsets
    }

    /// The offset from UTC in seconds at `seconds` since 1970.
    public func offset(atSecond seconds: Int) -> Int {
        guard span.contains(seconds) else {
            return zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(seconds)))
        }
        // Zones without daylight saving time (the store's default) are past their last change: no search.
        if let last = transitions.last, seconds >= last, let offset = offsets.last { return offset }
        // Index of the first transition after `seconds`; the offset before it applies.
        var low = 0
        var high = transitions.count
        while low < high {
            let middle = (low + high) / 2
            if transitions[middle] <= seconds { low = middle + 1 } else { high = middle }
        }
        return offsets[low]
    }

    /// The local calendar day of an instant.
    public func day(ofSecond seconds: Int) -> Int {
        let local = seconds + offset(atSecond: seconds)
        return local >= 0 ? local / 86_400 : (local - 86_399) / 86_400
    }

    /// The first instant of a local day: its midnight, or where clocks skip midnight, the moment they land on the day.
    ///
    /// Midnight minus each offset in force within a day either side is a candidate; the earliest candidate that
    /// falls on the day is its start. That also picks the earlier of two midnights where clocks fall back over it.
    public func startOfDay(_ day: Int) -> Int {
        let midnight = day * 86_400
        var start = Int.max
        for probe in [midnight - 86_400, midnight, midnight + 86_400] {
            let candidate = midnight - offset(atSecond: probe)
            if candidate < start, self.day(ofSecond: candidate) == day { start = candidate }
        }
        // Unreachable for real zones (the old offset always lands on the day); midnight UTC keeps it total.
        return start == Int.max ? midnight : start
    }

    /// The offset in force at a wall-clock time (seconds since 1970 read as if UTC). Two passes converge on it; in a
    /// repeated hour (autumn) the earlier instant's offset is chosen, in a skipped hour (spring) the offset before
    /// the change, as clocks moved.
    public func offset(atLocalSecond local: Int) -> Int {
        let first = offset(atSecond: local)
        return offset(atSecond: local - first)
    }

    /// The span carrier event times need (1990–2100): small enough to build per zone when a definition loads.
    public static let eventSpan = 631_152_000...4_102_444_800
}
