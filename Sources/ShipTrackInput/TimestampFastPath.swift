import Foundation
import ShipTrackEstimate

/// The common timestamp shapes read straight from bytes, giving exactly what ``TimestampParser`` gives.
///
/// ``TimestampParser`` is the one definition of what a time may look like; it copies the text into an array and
/// tries every form, which is a noticeable share of a row's reading time over a million rows. This path reads only the
/// strict shapes below, in place, and answers `nil` for anything else (including every invalid time), so the parser
/// still decides every other form and words every error. `TimestampParityTests` checks that both give the same
/// instant for every shape either accepts.
///
/// - `YYYY-MM-DD`: the start of that day in the calendar's zone;
/// - `YYYY-MM-DD[T ]HH:MM[:SS[.fraction]]` followed by `Z` or an offset `±HH:MM`, `±HHMM` or `±HH`, with or without
///   one space before it.
///
/// Spreadsheet forms (`11/20/2026 10:00`) and everything else go to the parser.
enum TimestampFastPath {
    /// The instant `bytes` (already trimmed) name, or `nil` to leave them to ``TimestampParser``.
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>, calendar: BusinessCalendar) -> Date? {
        let count = bytes.count
        guard count == 10 || count >= 17, let year = number(bytes, 0, 4), year >= 1, bytes[4] == UInt8(ascii: "-"),
            let month = number(bytes, 5, 2), bytes[7] == UInt8(ascii: "-"), let dayOfMonth = number(bytes, 8, 2),
            let day = CalendarDay(year: year, month: month, day: dayOfMonth)
        else { return nil }
        if count == 10 { return calendar.startOfDay(day) }

        let separator = bytes[10]
        guard separator == UInt8(ascii: "T") || separator == UInt8(ascii: " "), let hour = number(bytes, 11, 2),
            hour <= 23, bytes[13] == UInt8(ascii: ":"), let minute = number(bytes, 14, 2), minute <= 59
        else { return nil }
        var index = 16
        var second = 0
        if bytes[index] == UInt8(ascii: ":") {
            guard index + 3 <= count, let value = number(bytes, index + 1, 2), value <= 60 else { return nil }
            second = value
            index += 3
            if index < count, bytes[index] == UInt8(ascii: ".") {
                index += 1
                let digitsStart = index
                while index < count, isDigit(bytes[index]) { index += 1 }
                guard index > digitsStart else { return nil }
            }
        }
        // One space before the offset, as shop platforms export times (`2026-03-02 10:00:00 +0800`).
        if index + 1 < count, bytes[index] == UInt8(ascii: " ") { index += 1 }
        guard index < count else { return nil }
        let offset: Int
        switch bytes[index] {
        case UInt8(ascii: "Z"):
            guard index + 1 == count else { return nil }
            offset = 0
        case UInt8(ascii: "+"), UInt8(ascii: "-"):
            let sign = bytes[index] == UInt8(ascii: "-") ? -1 : 1
            guard let hours = number(bytes, index + 1, 2), hours <= 23 else { return nil }
            var minutes = 0
            var end = index + 3
            if end < count {
                if bytes[end] == UInt8(ascii: ":") { end += 1 }
                guard let value = number(bytes, end, 2), value <= 59 else { return nil }
                minutes = value
                end += 2
            }
            guard end == count else { return nil }
            offset = sign * (hours * 3_600 + minutes * 60)
        default:
            return nil
        }
        let local = day.daysSinceEpoch * 86_400 + hour * 3_600 + minute * 60 + second
        return Date(timeIntervalSince1970: TimeInterval(local - offset))
    }

    @inline(__always)
    private static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    /// Exactly `length` decimal digits at `start`, or `nil`.
    @inline(__always)
    private static func number(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ length: Int) -> Int? {
        guard start + length <= bytes.count else { return nil }
        var value = 0
        for index in start..<start + length {
            let byte = bytes[index]
            guard isDigit(byte) else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return value
    }
}
