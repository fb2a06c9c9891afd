import Foundation

/// Reads the simulator's tracking pages the way a scraper would, so tests can compare what a page says with what
/// an API says about the same parcel.
enum PageReading {
    /// One USPS step: the event wording, the place as printed, and the time as `YYYY-MM-DDTHH:MM:SS` (local, no
    /// zone; midnight for a date-only step).
    struct USPSStep: Equatable {
        var detail: String
        var location: String
        var localTime: String
    }

    /// One China Post row: time `YYYY-MM-DD HH:mm:ss`, place and status, as printed.
    struct ChinaPostRow: Equatable {
        var time: String
        var place: String
        var status: String
    }

    /// The steps of a USPS page, newest first, as the page lists them.
    static func uspsSteps(_ bytes: [UInt8]) -> [USPSStep] {
        let html = String(decoding: bytes, as: UTF8.self)
        let pattern = #/(?s)class="tb-status-detail">(.*?)</p>.*?class="tb-location">(.*?)</p>.*?class="tb-date">(.*?)</p>/#
        return html.matches(of: pattern).map { match in
            USPSStep(detail: Self.text(match.1), location: Self.text(match.2), localTime: Self.uspsTime(Self.text(match.3)) ?? "?")
        }
    }

    /// The rows of a China Post page, oldest first (pages list them either way), decoded as the page's `<meta>` says.
    static func chinaPostRows(_ bytes: [UInt8]) -> [ChinaPostRow]? {
        let head = String(decoding: bytes.prefix(600), as: UTF8.self).lowercased()
        let html: String?
        if head.contains("charset=gbk") {
            html = String(data: Data(bytes), encoding: String.Encoding(rawValue: 0x8000_0632))
        } else {
            html = String(validating: bytes, as: UTF8.self)
        }
        guard let html else { return nil }
        let pattern = #/(?s)<td class="time">(.*?)</td>\s*<td class="addr">(.*?)</td>\s*<td class="status">(.*?)</td>/#
        return html.matches(of: pattern)
            .map { ChinaPostRow(time: Self.text($0.1), place: Self.text($0.2), status: Self.text($0.3)) }
            .sorted { $0.time < $1.time }
    }

    /// `July 18, 2023, 1:23 pm` → `2023-07-18T13:23:00`; `July 18, 2023` → `2023-07-18T00:00:00`.
    static func uspsTime(_ text: String) -> String? {
        let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
        let pattern = #/^(\w+) (\d+), (\d{4})(?:, (\d+):(\d\d) (am|pm))?$/#
        guard let match = text.wholeMatch(of: pattern), let month = months.firstIndex(of: String(match.1)),
            let day = Int(match.2), let year = Int(match.3)
        else { return nil }
        var hour = 0
        var minute = 0
        if let hourText = match.4, let minuteText = match.5, let meridiem = match.6 {
            hour = (Int(hourText) ?? 0) % 12 + (meridiem == "pm" ? 12 : 0)
            minute = Int(minuteText) ?? 0
        }
        return String(format: "%04d-%02d-%02dT%02d:%02d:00", year, month + 1, day, hour, minute)
    }

    /// Markup removed, entities decoded, whitespace folded.
    private static func text(_ fragment: Substring) -> String {
        var text = String(fragment).replacing(#/<[^>]*>/#, with: "")
        for (entity, character) in [("&nbsp;", " "), ("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&amp;", "&")] {
            text = text.replacingOccurrences(of: entity, with: character)
        }
        return text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
