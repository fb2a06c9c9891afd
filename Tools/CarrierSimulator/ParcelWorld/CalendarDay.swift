public import Foundation

/// A day of the Gregorian calendar, with no time and no zone: the simulated date of generated pages and orders.
///
/// Generated pages are drawn relative to the start of this day in China (00:00 at UTC+8, the store's zone):
/// every event they show happens before it, so a client asking "as of" any moment of this day sees all of them.
public struct CalendarDay: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The year, 1900 to 2999.
    public let year: Int
    /// The month, 1 to 12.
    public let month: Int
    /// The day of the month, 1 to 31.
    public let day: Int

    /// The day, or `nil` when it does not exist (February 30) or its year is outside 1900...2999.
    public init?(year: Int, month: Int, day: Int) {
        guard (1_900...2_999).contains(year), (1...12).contains(month),
            (1...CivilCalendar.daysInMonth(year: year, month: month)).contains(day)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Reads `YYYY-MM-DD`, or returns `nil`.
    public init?(_ text: String) {
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
            let year = Self.number(bytes[0..<4]), let month = Self.number(bytes[5..<7]),
            let day = Self.number(bytes[8..<10])
        else { return nil }
        self.init(year: year, month: month, day: day)
    }

    /// The day `daysSinceEpoch` days after 1970-01-01.
    init(daysSinceEpoch: Int) {
        let civil = CivilCalendar.civil(fromDays: daysSinceEpoch)
        self.year = civil.year
        self.month = civil.month
        self.day = civil.day
    }

    /// The current day in UTC.
    public static func today(now: Date = Date()) -> CalendarDay {
        let seconds = Int(now.timeIntervalSince1970.rounded(.down))
        return CalendarDay(daysSinceEpoch: CivilCalendar.floorDivide(seconds, 86_400))
    }

    /// Days since 1970-01-01 (negative before it).
    var daysSinceEpoch: Int {
        CivilCalendar.days(year: self.year, month: self.month, day: self.day)
    }

    /// 00:00 of this day at UTC+8, in seconds since 1970: every generated event happens before it.
    var chinaMidnight: Int {
        self.daysSinceEpoch * 86_400 - 8 * 3_600
    }

    /// 00:00 of this day in China (UTC+8), the instant every generated event precedes.
    public var startInChina: Date {
        Date(timeIntervalSince1970: TimeInterval(self.chinaMidnight))
    }

    /// `YYYY-MM-DD`.
    public var description: String {
        var text = String(self.year)
        text += self.month < 10 ? "-0\(self.month)" : "-\(self.month)"
        text += self.day < 10 ? "-0\(self.day)" : "-\(self.day)"
        return text
    }

    public static func < (lhs: CalendarDay, rhs: CalendarDay) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    private static func number(_ digits: ArraySlice<UInt8>) -> Int? {
        var value = 0
        for byte in digits {
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return value
    }
}
