/// The date and time spellings the APIs use, from seconds since 1970 and an offset from UTC in seconds, without
/// `DateFormatter` (answers are built per request).
enum TimeText {
    /// `2025-11-18T03:22:00`: local wall-clock time at `offset`, no zone (USPS `eventTimestamp`).
    static func localISO(_ instant: Int, offset: Int) -> String {
        let clock = CivilCalendar.wallClock(instant, offset: offset)
        return "\(Self.date(clock))T\(Self.time(clock))"
    }

    /// `2025-11-18T11:22:58Z`.
    static func utcISO(_ instant: Int) -> String {
        self.localISO(instant, offset: 0) + "Z"
    }

    /// `2025-11-18T03:22:00-08:00` (17TRACK `time_iso`).
    static func isoWithOffset(_ instant: Int, offset: Int) -> String {
        self.localISO(instant, offset: offset) + self.offset(offset)
    }

    /// `-05:00`, `+08:00`.
    static func offset(_ seconds: Int) -> String {
        let magnitude = abs(seconds)
        return (seconds < 0 ? "-" : "+") + Self.twoDigits(magnitude / 3_600) + ":" + Self.twoDigits(magnitude / 60 % 60)
    }

    /// `2025-11-18` at `offset`.
    static func date(_ instant: Int, offset: Int) -> String {
        Self.date(CivilCalendar.wallClock(instant, offset: offset))
    }

    /// `03:22:00` at `offset`.
    static func time(_ instant: Int, offset: Int) -> String {
        Self.time(CivilCalendar.wallClock(instant, offset: offset))
    }

    /// `2025-11-18 03:22:00` in China (UTC+8), as China Post and EMS print times.
    static func beijing(_ instant: Int) -> String {
        let clock = CivilCalendar.wallClock(instant, offset: 8 * 3_600)
        return "\(Self.date(clock)) \(Self.time(clock))"
    }

    static func date(_ clock: WallClock) -> String {
        String(clock.year) + "-" + Self.twoDigits(clock.month) + "-" + Self.twoDigits(clock.day)
    }

    static func time(_ clock: WallClock) -> String {
        Self.twoDigits(clock.hour) + ":" + Self.twoDigits(clock.minute) + ":" + Self.twoDigits(clock.second)
    }

    /// `1:23 pm` (USPS prose).
    static func uspsClock(_ clock: WallClock) -> String {
        let hour = clock.hour % 12 == 0 ? 12 : clock.hour % 12
        return "\(hour):\(Self.twoDigits(clock.minute)) \(clock.hour < 12 ? "am" : "pm")"
    }

    /// `July 18, 2023` (USPS prose).
    static func uspsDate(_ clock: WallClock) -> String {
        "\(Self.monthNames[clock.month - 1]) \(clock.day), \(clock.year)"
    }

    /// `07/18/2023` (USPS summaries).
    static func uspsShortDate(_ clock: WallClock) -> String {
        "\(Self.twoDigits(clock.month))/\(Self.twoDigits(clock.day))/\(clock.year)"
    }

    /// Reads `YYYY-MM-DDTHH:MM:SS` (or with a space, or date only) into wall-clock fields; `nil` if malformed.
    static func parseWallClock(_ text: String) -> WallClock? {
        let bytes = Array(text.utf8)
        func number(_ range: Range<Int>) -> Int? {
            guard range.upperBound <= bytes.count else { return nil }
            var value = 0
            for index in range {
                guard let digit = CheckDigits.digit(bytes[index]) else { return nil }
                value = value * 10 + digit
            }
            return value
        }
        guard bytes.count >= 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
            let year = number(0..<4), let month = number(5..<7), let day = number(8..<10),
            (1...12).contains(month), (1...31).contains(day)
        else { return nil }
        var clock = WallClock(year: year, month: month, day: day, hour: 0, minute: 0, second: 0)
        guard bytes.count >= 16 else { return clock }
        guard let hour = number(11..<13), let minute = number(14..<16), hour < 24, minute < 60 else { return nil }
        clock.hour = hour
        clock.minute = minute
        if bytes.count >= 19, let second = number(17..<19), second < 60 {
            clock.second = second
        }
        return clock
    }

    /// Reads `-05:00`, `+08:00`, `-7:00` or `Z` into seconds.
    static func parseOffset(_ text: String) -> Int? {
        if text == "Z" { return 0 }
        let bytes = Array(text.utf8)
        guard let sign = bytes.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") else { return nil }
        let parts = text.dropFirst().split(separator: ":")
        guard parts.count == 2, let hours = Int(parts[0]), let minutes = Int(parts[1]), (0...14).contains(hours),
            (0..<60).contains(minutes)
        else { return nil }
        let seconds = hours * 3_600 + minutes * 60
        return sign == UInt8(ascii: "-") ? -seconds : seconds
    }

    /// Seconds since 1970 of a wall clock at `offset`.
    static func instant(_ clock: WallClock, offset: Int) -> Int {
        CivilCalendar.days(year: clock.year, month: clock.month, day: clock.day) * 86_400 + clock.hour * 3_600
            + clock.minute * 60 + clock.second - offset
    }

    static func twoDigits(_ value: Int) -> String {
        value < 10 ? "0\(value)" : String(value)
    }

    private static let monthNames = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
        "November", "December",
    ]
}
