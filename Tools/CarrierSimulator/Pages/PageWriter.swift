/// Builds a page's bytes: appends precomputed boilerplate, phrases and numbers without Foundation formatting.
struct PageWriter {
    private(set) var bytes: [UInt8]
    /// Whether ``EncodedText`` is written as GBK rather than UTF-8.
    let isGBK: Bool

    init(capacity: Int, isGBK: Bool = false) {
        self.bytes = []
        self.bytes.reserveCapacity(capacity)
        self.isGBK = isGBK
    }

    var count: Int { self.bytes.count }

    mutating func append(_ raw: [UInt8]) {
        self.bytes.append(contentsOf: raw)
    }

    mutating func append(_ text: StaticString) {
        text.withUTF8Buffer { self.bytes.append(contentsOf: $0) }
    }

    mutating func append(_ text: EncodedText) {
        self.bytes.append(contentsOf: self.isGBK ? text.gbk : text.utf8)
    }

    /// Appends ASCII or UTF-8 text, escaping `&`, `<`, `>` and `"` for HTML and XML.
    mutating func appendEscaped(_ text: String) {
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "&"): self.append("&amp;")
            case UInt8(ascii: "<"): self.append("&lt;")
            case UInt8(ascii: ">"): self.append("&gt;")
            case UInt8(ascii: "\""): self.append("&quot;")
            default: self.bytes.append(byte)
            }
        }
    }

    /// Appends a non-negative integer in decimal, zero-padded to `width` digits.
    mutating func appendDecimal(_ value: Int, width: Int = 1) {
        var remaining = max(0, value)
        var divisor = 1
        var digitCount = 1
        while divisor <= remaining / 10 {
            divisor *= 10
            digitCount += 1
        }
        if width > digitCount {
            for _ in 0..<(width - digitCount) { self.bytes.append(UInt8(ascii: "0")) }
        }
        while divisor > 0 {
            self.bytes.append(UInt8(ascii: "0") + UInt8(remaining / divisor))
            remaining %= divisor
            divisor /= 10
        }
    }

    /// `yyyy-MM-dd HH:mm:ss` at UTC+8, as China Post and EMS print times.
    mutating func appendChinaTime(_ instant: Int) {
        appendLocalTime(instant, offset: 8 * 3_600)
    }

    /// `YYYY-MM-DD HH:mm:ss` at `offset` seconds from UTC, no zone printed (China Post prints scans abroad in the
    /// destination's local time).
    mutating func appendLocalTime(_ instant: Int, offset: Int) {
        let clock = CivilCalendar.wallClock(instant, offset: offset)
        self.appendDecimal(clock.year, width: 4)
        self.bytes.append(UInt8(ascii: "-"))
        self.appendDecimal(clock.month, width: 2)
        self.bytes.append(UInt8(ascii: "-"))
        self.appendDecimal(clock.day, width: 2)
        self.bytes.append(UInt8(ascii: " "))
        self.appendDecimal(clock.hour, width: 2)
        self.bytes.append(UInt8(ascii: ":"))
        self.appendDecimal(clock.minute, width: 2)
        self.bytes.append(UInt8(ascii: ":"))
        self.appendDecimal(clock.second, width: 2)
    }

    /// `July 18, 2023, 1:23 pm` in `zone`, as USPS prints times.
    mutating func appendUSPSTime(_ instant: Int, zone: USZone) {
        let clock = CivilCalendar.wallClock(instant, offset: zone.offset(at: instant))
        self.append(Self.monthNames[clock.month - 1])
        self.bytes.append(UInt8(ascii: " "))
        self.appendDecimal(clock.day)
        self.append(", ")
        self.appendDecimal(clock.year, width: 4)
        self.append(", ")
        let hour = clock.hour % 12 == 0 ? 12 : clock.hour % 12
        self.appendDecimal(hour)
        self.bytes.append(UInt8(ascii: ":"))
        self.appendDecimal(clock.minute, width: 2)
        self.append(clock.hour < 12 ? " am" : " pm")
    }

    /// `July 18, 2023` in `zone`.
    mutating func appendUSPSDate(_ instant: Int, zone: USZone) {
        let clock = CivilCalendar.wallClock(instant, offset: zone.offset(at: instant))
        self.append(Self.monthNames[clock.month - 1])
        self.bytes.append(UInt8(ascii: " "))
        self.appendDecimal(clock.day)
        self.append(", ")
        self.appendDecimal(clock.year, width: 4)
    }

    private static let monthNames: [[UInt8]] = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
        "November", "December",
    ].map { Array($0.utf8) }
}
