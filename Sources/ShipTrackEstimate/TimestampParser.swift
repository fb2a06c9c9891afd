public import Foundation
import ShipTrackModel

/// Parses the times people, files, shop platforms and spreadsheets give: the one parser every command and the order
/// file reader use.
///
/// Accepted:
/// - ISO 8601 with an offset: `2026-03-01T10:00:00+08:00`, `2026-03-01T02:00:00Z`, `2026-03-01 10:00+0800`,
///   fractions of a second (`10:00:00.250Z`), offsets as `±HH:MM`, `±HHMM` or `±HH`, and a space before the offset
///   as shop platforms export it (`2026-03-01 10:00:00 +0800`);
/// - `2026-03-01`: the start of that day (00:00) in the store's zone. The start, so that an order given as a plain
///   date is never later than a "now" given on the same day, and the day it falls on is the day written;
/// - spreadsheet dates: `11/20/2026`, `20/11/2026`, `20.11.2026`, `2026/11/20`, each optionally followed by a time
///   (`10:00`, `9:05:30`, `10:00 PM`) and an offset. Without an offset a spreadsheet's time is read in the store's
///   zone, like a plain date: a spreadsheet cell holds a wall-clock time and never an offset. A slash date whose first
///   two numbers could each be the month (`03/04/2026`) needs ``dateOrder``; `11/20/2026` and `20/11/2026` need none.
///
/// An ISO 8601 date and time without an offset is refused rather than guessed: that text comes from a program that
/// dropped the offset, and the store's zone would be a guess. Errors name the field and the value:
/// `--ordered-at: "2026-13-01" is not a date (month 13 does not exist)`. Hand-written, with no `DateFormatter`, so a
/// batch can parse millions of times cheaply and the result never depends on a locale.
public struct TimestampParser: Sendable {
    /// Which of a slash date's first two numbers is the month, when both could be (`03/04/2026`).
    public enum DateOrder: String, CaseIterable, Hashable, Sendable, CustomStringConvertible {
        /// `MM/DD/YYYY`, as spreadsheets in the US write dates.
        case monthFirst = "mdy"
        /// `DD/MM/YYYY`, as spreadsheets in most other places write dates.
        case dayFirst = "dmy"

        /// `mdy` or `dmy`.
        public var description: String { rawValue }

        /// The order a command-line name gives: `mdy` or `dmy`, in any case.
        public init?(name: String) {
            switch name.lowercased() {
            case "mdy": self = .monthFirst
            case "dmy": self = .dayFirst
            default: return nil
            }
        }
    }

    /// The calendar whose zone plain dates and spreadsheet times are read in.
    public let calendar: BusinessCalendar
    /// How ambiguous slash dates are read; `nil` refuses them (and reads only those whose order is plain).
    public let dateOrder: DateOrder?

    /// A parser reading plain dates in `calendar`'s zone.
    public init(calendar: BusinessCalendar, dateOrder: DateOrder? = nil) {
        self.calendar = calendar
        self.dateOrder = dateOrder
    }

    /// A parser reading plain dates in the policy's zone.
    public init(policy: StorePolicy, dateOrder: DateOrder? = nil) {
        self.init(calendar: policy.calendar, dateOrder: dateOrder)
    }

    /// How the date part was written, which decides what may follow it.
    private enum DateStyle {
        /// `YYYY-MM-DD`: a time needs an offset.
        case iso
        /// `MM/DD/YYYY`, `DD.MM.YYYY`, `YYYY/MM/DD`: a time without an offset is in the store's zone.
        case spreadsheet
    }

    /// Parses `text`, naming `field` in any error.
    /// - Throws: ``InputError`` (`missing`, `notADate`, `missingOffset`).
    public func parse(_ text: String, field: String) throws -> Date {
        let trimmed = TimestampParser.trimmed(text)
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

        let (date, style) = try parseDate(&scanner, fail: fail, expected: expected, field: field, text: text)
        if scanner.atEnd { return calendar.startOfDay(date) }

        // The time: `THH:MM[:SS[.f]]` after an ISO date; ` H:MM[:SS[.f]][ AM|PM]` after a spreadsheet date.
        let hourDigits: ClosedRange<Int>
        switch style {
        case .iso:
            guard scanner.take("T") || scanner.take("t") || scanner.take(" ") else { throw fail(expected) }
            hourDigits = 2...2
        case .spreadsheet:
            guard scanner.skipSpaces() > 0 else { throw fail(expected) }
            hourDigits = 1...2
        }
        guard var hour = scanner.digits(hourDigits), scanner.take(":"), let minute = scanner.digits(2) else {
            throw fail(expected)
        }
        var second = 0
        if scanner.take(":") {
            guard let value = scanner.digits(2) else { throw fail(expected) }
            second = value
            if scanner.take(".") || scanner.take(",") {
                guard scanner.skipDigits() > 0 else { throw fail(expected) }
            }
        }
        if style == .spreadsheet, let afternoon = scanner.meridiem() {
            guard (1...12).contains(hour) else { throw fail("hour \(hour) does not exist on a 12-hour clock") }
            hour = hour % 12 + (afternoon ? 12 : 0)
        }
        guard hour <= 23 else { throw fail("hour \(hour) does not exist") }
        guard minute <= 59 else { throw fail("minute \(minute) does not exist") }
        guard second <= 60 else { throw fail("second \(second) does not exist") }
        let local = date.daysSinceEpoch * 86_400 + hour * 3_600 + minute * 60 + second

        // Shop platforms write a space before the offset (`2026-03-01 10:00:00 +0800`).
        let spaces = scanner.skipSpaces()
        let offset: Int
        if scanner.take("Z") || scanner.take("z") {
            offset = 0
        } else if scanner.peek("+") || scanner.peek("-") {
            let sign = scanner.take("-") ? -1 : 1
            _ = scanner.take("+")
            guard let hours = scanner.digits(2...2) else { throw fail(expected) }
            var minutes = 0
            if !scanner.atEnd {
                _ = scanner.take(":")
                guard let value = scanner.digits(2) else { throw fail(expected) }
                minutes = value
            }
            guard hours <= 23, minutes <= 59 else { throw fail("offset out of range") }
            offset = sign * (hours * 3_600 + minutes * 60)
        } else if scanner.atEnd && spaces == 0 {
            switch style {
            case .iso:
                throw InputError(
                    code: .missingOffset, field: field, value: text,
                    problem: "has no UTC offset (add Z or an offset such as +08:00, or give a plain date)")
            case .spreadsheet:
                return storeZoneInstant(localSeconds: local)
            }
        } else {
            throw fail(expected)
        }
        guard scanner.atEnd else { throw fail(expected) }
        // A fraction of a second is accepted but dropped: every rule works on whole days or hours.
        return Date(timeIntervalSince1970: TimeInterval(local - offset))
    }

    /// Parses `text` when present; `nil` stays `nil`.
    public func parse(optional text: String?, field: String) throws -> Date? {
        guard let text else { return nil }
        return try parse(text, field: field)
    }

    // MARK: Parts

    /// The date at the scanner: `YYYY-MM-DD`, `YYYY/M/D`, `M/D/YYYY` (or `D/M/YYYY`), `D.M.YYYY`.
    private func parseDate(
        _ scanner: inout Scanner, fail: (String) -> InputError, expected: String, field: String, text: String
    ) throws -> (CalendarDay, DateStyle) {
        let year: Int
        let month: Int
        let day: Int
        let style: DateStyle
        if let first = scanner.digits(4) {
            if scanner.take("-") {
                guard let value = scanner.digits(2), scanner.take("-"), let dayValue = scanner.digits(2) else {
                    throw fail(expected)
                }
                (year, month, day, style) = (first, value, dayValue, .iso)
            } else if scanner.take("/") {
                guard let value = scanner.digits(1...2), scanner.take("/"), let dayValue = scanner.digits(1...2) else {
                    throw fail("expected YYYY/MM/DD")
                }
                (year, month, day, style) = (first, value, dayValue, .spreadsheet)
            } else {
                throw fail(expected)
            }
        } else if let first = scanner.digits(1...2) {
            let separator: Unicode.Scalar = scanner.peek("/") ? "/" : "."
            guard scanner.take(separator), let second = scanner.digits(1...2), scanner.take(separator) else {
                throw fail(expected)
            }
            guard let yearValue = scanner.digits(4), !scanner.peekDigit() else {
                throw fail(
                    separator == "/"
                        ? "expected a four-digit year: MM/DD/YYYY or DD/MM/YYYY" : "expected a four-digit year: DD.MM.YYYY")
            }
            year = yearValue
            style = .spreadsheet
            if separator == "." {
                (day, month) = (first, second)
            } else {
                (month, day) = try slashOrder(first, second, year: year, field: field, text: text)
            }
        } else {
            throw fail(expected)
        }
        guard year >= 1 else { throw fail("year 0 does not exist") }
        guard (1...12).contains(month) else { throw fail("month \(month) does not exist") }
        guard (1...LocalDateTime.daysIn(month: month, year: year)).contains(day),
            let date = CalendarDay(year: year, month: month, day: day)
        else {
            throw fail(
                "\(CalendarDay.pad(year, 4))-\(CalendarDay.pad(month, 2)) has "
                    + "\(LocalDateTime.daysIn(month: month, year: year)) days")
        }
        return (date, style)
    }

    /// The month and day of a slash date `first/second/year`, by ``dateOrder`` or, without one, by whichever number
    /// cannot be a month.
    private func slashOrder(_ first: Int, _ second: Int, year: Int, field: String, text: String) throws -> (
        month: Int, day: Int
    ) {
        switch dateOrder {
        case .monthFirst: return (first, second)
        case .dayFirst: return (second, first)
        case nil:
            if first == second || second > 12 { return (first, second) }
            if first > 12 { return (second, first) }
            let names = TimestampParser.monthNames
            throw InputError(
                code: .notADate, field: field, value: text,
                problem: "is ambiguous: \(second) \(names[first - 1]) or \(first) \(names[second - 1]) \(year)? "
                    + "(give the date order: --date-order mdy for MM/DD/YYYY, dmy for DD/MM/YYYY)")
        }
    }

    private static let monthNames = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
        "December",
    ]

    /// The instant a wall-clock time in the store's zone names; in a daylight-saving gap, the offset before the gap.
    private func storeZoneInstant(localSeconds local: Int) -> Date {
        let guess = local - calendar.utcOffset(at: Date(timeIntervalSince1970: TimeInterval(local)))
        let offset = calendar.utcOffset(at: Date(timeIntervalSince1970: TimeInterval(guess)))
        return Date(timeIntervalSince1970: TimeInterval(local - offset))
    }

    /// `text` without surrounding white space; without Foundation (whose trimming bridges through `NSString` on
    /// Linux) when the text has none, as nearly every value in a file has.
    private static func trimmed(_ text: String) -> String {
        guard let first = text.utf8.first, let last = text.utf8.last else { return text }
        let isBlank = { (byte: UInt8) in byte == 0x20 || byte == 0x09 || byte >= 0x80 }
        guard isBlank(first) || isBlank(last) else { return text }
        return text.trimmingCharacters(in: .whitespaces)
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

    func peekDigit() -> Bool {
        index < bytes.count && bytes[index] >= UInt8(ascii: "0") && bytes[index] <= UInt8(ascii: "9")
    }

    mutating func take(_ character: Unicode.Scalar) -> Bool {
        guard peek(character) else { return false }
        index += 1
        return true
    }

    /// Exactly `count` decimal digits as a number.
    mutating func digits(_ count: Int) -> Int? { digits(count...count) }

    /// As many decimal digits as there are, when that is within `counts`, as a number.
    mutating func digits(_ counts: ClosedRange<Int>) -> Int? {
        var end = index
        while end < bytes.count, end - index < counts.upperBound, bytes[end] >= UInt8(ascii: "0"),
            bytes[end] <= UInt8(ascii: "9")
        {
            end += 1
        }
        guard counts.contains(end - index), let value = CalendarDay.number(bytes[index..<end]) else { return nil }
        index = end
        return value
    }

    /// Skips decimal digits, returning how many.
    mutating func skipDigits() -> Int {
        let start = index
        while peekDigit() { index += 1 }
        return index - start
    }

    /// Skips spaces, returning how many.
    mutating func skipSpaces() -> Int {
        let start = index
        while index < bytes.count, bytes[index] == UInt8(ascii: " ") { index += 1 }
        return index - start
    }

    /// `AM` or `PM` (any case, after optional spaces): `true` for PM, `false` for AM, `nil` (nothing consumed) for
    /// anything else.
    mutating func meridiem() -> Bool? {
        var probe = index
        while probe < bytes.count, bytes[probe] == UInt8(ascii: " ") { probe += 1 }
        guard probe + 2 <= bytes.count, bytes[probe + 1] | 0x20 == UInt8(ascii: "m") else { return nil }
        let letter = bytes[probe] | 0x20
        guard letter == UInt8(ascii: "a") || letter == UInt8(ascii: "p") else { return nil }
        index = probe + 2
        return letter == UInt8(ascii: "p")
    }
}
