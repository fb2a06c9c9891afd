import Foundation

/// Parses an HTTP-date (RFC 9110 section 5.6.7) in each of its three forms.
///
/// Recipients must accept all three: IMF-fixdate `Sun, 06 Nov 1994 08:49:37 GMT`, the obsolete RFC 850 form
/// `Sunday, 06-Nov-94 08:49:37 GMT` and C's asctime form `Sun Nov  6 08:49:37 1994`. Hand-written rather than a
/// `DateFormatter`, which depends on the locale and would accept more than the grammar. The weekday is not checked
/// against the date (the RFC asks recipients to be robust), but every other field must be in range.
enum HTTPDate {
    /// The instant `text` names, or `nil` when it is none of the three forms.
    ///
    /// A two-digit RFC 850 year is read as the most recent year ending in those digits that is not more than
    /// 50 years after `now`, as RFC 9110 asks.
    static func parse(_ text: String, now: Date = Date()) -> Date? {
        let fields = text.split(separator: " ", omittingEmptySubsequences: true)
        if let comma = fields.first?.last, comma == "," {
            switch fields.count {
            case 6:  // IMF-fixdate: day-name, DD Mon YYYY HH:MM:SS GMT
                guard let day = number(fields[1]), let month = month(fields[2]), fields[3].count == 4,
                    let year = number(fields[3])
                else { return nil }
                return date(year: year, month: month, day: day, time: fields[4], zone: fields[5])
            case 4:  // RFC 850: day-name, DD-Mon-YY HH:MM:SS GMT
                let parts = fields[1].split(separator: "-", omittingEmptySubsequences: false)
                guard parts.count == 3, let day = number(parts[0]), let month = month(parts[1]), parts[2].count == 2,
                    let shortYear = number(parts[2])
                else { return nil }
                return date(
                    year: fullYear(shortYear, now: now), month: month, day: day, time: fields[2], zone: fields[3])
            default:
                return nil
            }
        }
        // asctime: Sun Nov  6 08:49:37 1994 (the day is space-padded, hence omitting empty fields).
        guard fields.count == 5, let month = month(fields[1]), let day = number(fields[2]), fields[4].count == 4,
            let year = number(fields[4])
        else { return nil }
        return date(year: year, month: month, day: day, time: fields[3], zone: "GMT")
    }

    private static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    /// A short run of ASCII digits (no sign, unlike `Int.init`).
    private static func number(_ text: Substring) -> Int? {
        guard !text.isEmpty, text.count <= 4, text.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return Int(text)
    }

    private static func month(_ name: Substring) -> Int? {
        months.firstIndex(of: name.lowercased()).map { $0 + 1 }
    }

    private static func fullYear(_ shortYear: Int, now: Date) -> Int {
        let currentYear = civil(fromDays: Int((now.timeIntervalSince1970 / 86_400).rounded(.down))).year
        var year = currentYear - currentYear % 100 + shortYear
        if year > currentYear + 50 { year -= 100 }
        return year
    }

    private static func date(year: Int, month: Int, day: Int, time: Substring, zone: Substring) -> Date? {
        // Only GMT is allowed; UTC is the same clock, written by some servers anyway.
        guard zone == "GMT" || zone == "UTC" else { return nil }
        let clock = time.split(separator: ":", omittingEmptySubsequences: false)
        guard clock.count == 3, clock.allSatisfy({ $0.count == 2 }), let hour = number(clock[0]),
            let minute = number(clock[1]), let second = number(clock[2]),
            (0...23).contains(hour), (0...59).contains(minute), (0...60).contains(second),
            (1...daysIn(month: month, year: year)).contains(day)
        else { return nil }
        let days = daysFromCivil(year: year, month: month, day: day)
        return Date(timeIntervalSince1970: TimeInterval(days * 86_400 + hour * 3_600 + minute * 60 + second))
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Days since 1970-01-01 in the proleptic Gregorian calendar (Howard Hinnant's `days_from_civil`).
    private static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The inverse of ``daysFromCivil(year:month:day:)`` (Hinnant's `civil_from_days`), year only needed here.
    private static func civil(fromDays days: Int) -> (year: Int, month: Int) {
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month)
    }
}
