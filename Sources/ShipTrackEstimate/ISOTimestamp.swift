import Foundation
import ShipTrackModel

/// Formats instants as ISO 8601 text without `DateFormatter` (slow, and locale-dependent if misconfigured).
enum ISOTimestamp {
    /// `2026-03-02T10:00:00+08:00`, or `...Z` for a zero offset.
    static func format(seconds: Int, utcOffset: Int) -> String {
        LocalDateTime(secondsSinceEpoch: seconds + utcOffset).description + EventTime.formatOffset(utcOffset)
    }

    /// The instant in UTC: `2026-03-02T02:00:00Z`. JSON output uses this so it never depends on the reader's zone.
    static func utc(_ instant: Date) -> String {
        format(seconds: BusinessCalendar.seconds(instant), utcOffset: 0)
    }
}
