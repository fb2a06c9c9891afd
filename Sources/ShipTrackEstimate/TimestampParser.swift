public import Foundation
import ShipTrackModel

/// Parses the times people and files give: ISO 8601 with an offset, or a plain date in the store's zone.
///
/// Accepted:
/// - `2026-03-01T10:00:00+08:00`, `2026-03-01T02:00:00Z`, `2026-03-01 10:00+0800`, fractions of a second
///   (`10:00:00.250Z`), offsets as `±HH:MM`, `±HHMM` or `±HH`;
/// - `2026-03-01`: the start of that day (00:00) in the store's zone. The start, so that an order given as a plain
///   date is never later than a "now" given on the same day, and the day it falls on is the day written.
///
/// A date and time without an offset is refused rather than guessed. Errors name the field and the value:
/// `--ordered-at: "2026-13-01" is not a date (month 13 does not exist)`. Hand-written, with no `DateFormatter`, so a
/// batch can parse millions of times cheaply and the result never depends on a locale.
public struct TimestampParser: Sendable {
    /// The calendar whose zone plain dates are read in.
    public let calendar: BusinessCalendar

    /// A parser reading plain dates in `calendar`'s zone.
    public init(calendar: BusinessCalendar) { self.calendar = calendar }

    /// A parser reading plain dates in the policy's zone.
    public init(policy: StorePolicy) { self.init(calendar: policy.calendar) }

    /// Parses `text`, naming `field` in any error.
    /// - Throws: ``InputError`` (`missing`, `notADate`, `missingOffset`).
    public func parse(_ text: String, field: String) throws -> Date {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else {
            throw InputError(
                code: .missing, field: field, value: text,
                problem: "is empty (give a date such as 2026-03-01 or 2026-03-01T10:00:00+08:00)")
        }
        var scanner = Scanner(bytes: Array(trimmed.utf8))
        let fail = { (detail: String) in
            InputError(code: .notADate, field: field, value: text, problem: "is not a date (\(detail))")
        }
        let expected = "expected YYYY-MM-DD, or YYYY-MM-DDTHH:MM:SS with Z or an offset such as +08:00"

        guard let year = scanner.digits(4), scanner.take("-"), let month = scanner.digits(2), scanner.take("-"),
            let day = scanner.digits(2)
        else { throw fail(expected) }
        guard year >= 1 else { throw fail("year 0 does not exist") }
        guard (1...12).contains(month) else { throw fail("month \(month) does not exist") }
        guard (1...LocalDateTime.daysIn(month: month, year: year)).contains(day),
            let date = CalendarDay(
                year: year, month: month, day: day)
        else {
            throw fail(
                "\(CalendarDay.pad(year, 4))-\(CalendarDay.pad(month, 2)) has "
                    + "\(LocalDateTime.daysIn(month: month, year: year)) days")
        }
        if scanner.atEnd { return calendar.startOfDay(date) }

        guard scanner.take("T") || scanner.take("t") || scanner.take(" "), let hour = scanner.digits(2),
            scanner.take(":"), let minute = scanner.digits(2)
        else { throw fail(expected) }
        var second = 0
        if scanner.take(":") {
            guard let value = scanner.digits(2) else { throw fail(expected) }
            second = value
            if scanner.take(".") || scanner.take(",") {
                guard scanner.skipDigits() > 0 else { throw fail(expected) }
            }
        }
        guard hour <= 23 else { throw fail("hour \(hour) does not exist") }
        guard minute <= 59 else { throw fail("minute \(minute) does not exist") }
        guard second <= 60 else { throw fail("second \(second) does not exist") }

        let offset: Int
        if scanner.take("Z") || scanner.take("z") {
            offset = 0
        } else if scanner.peek("+") || scanner.peek("-") {
            let sign = scanner.take("-") ? -1 : 1
            _ = scanner.take("+")
            guard let hours = scanner.digits(2) else { throw fail(expected) }
            var minutes = 0
            if !scanner.atEnd {
                _ = scanner.take(":")
                guard let value = scanner.digits(2) else { throw fail(expected) }
                minutes = value
            }
            guard hours <= 23, minutes <= 59 else { throw fail("offset out of range") }
            offset = sign * (hours * 3_600 + minutes * 60)
        } else if scanner.atEnd {
            throw InputError(
                code: .missingOffset, field: field, value: text,
                problem: "has no UTC offset (add Z or an offset such as +08:00, or give a plain date)")
        } else {
            throw fail(expected)
        }
        guard scanner.atEnd else { throw fail(expected) }
        // A fraction of a second is accepted but dropped: every rule works on whole days or hours.
        let local = date.daysSinceEpoch * 86_400 + hour * 3_600 + minute * 60 + second
        return Date(timeIntervalSince1970: TimeInterval(local - offset))
    }

    /// Parses `text` when present; `nil` stays `nil`.
    public func parse(optional text: String?, field: String) throws -> Date? {
        guard let text else { return nil }
        return try parse(text, field: field)
    }
}

/// A cursor over ASCII bytes.
private struct Scanner {
    let bytes: [UInt8]
    var index = 0

    init(bytes: [UInt8]) { self.bytes = bytes }

    var atEnd: Bool { index == bytes.count }

    func peek(_ character: Unicode.Scalar) -> Bool {
        index < bytes.count && bytes[index] == UInt8(ascii: character)
    }

    mutating func take(_ character: Unicode.Scalar) -> Bool {
        guard peek(character) else { return false }
        index += 1
        return true
    }

    /// Exactly `count` decimal digits as a number.
    mutating func digits(_ count: Int) -> Int? {
        guard index + count <= bytes.count, let value = CalendarDay.number(bytes[index..<index + count]) else {
            return nil
        }
        index += count
        return value
    }

    /// Skips decimal digits, returning how many.
    mutating func skipDigits() -> Int {
        let start = index
        while index < bytes.count, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") { index += 1 }
        return index - start
    }
}
