import Foundation
import ShipTrackModel

/// Reads an event's time from the fields a source gives, and decides its offset from UTC.
///
/// Where the offset comes from, in order: the time text itself (`2026-11-20T10:15:00-05:00`); a separate offset
/// field (USPS `GMTOffset`); the difference between the local time and a separate UTC field (USPS `GMTTimestamp`,
/// used only when it is within a day's span of offsets, since USPS sometimes leaves its date unrolled past midnight);
/// the zone of the event's state or country; the origin zone while the parcel has not been placed abroad.
/// Otherwise the time stays local with its zone unknown: never guessed, never labelled UTC.
struct TimeReader: Sendable {
    enum Zone: Sendable {
        case fixed(Int)
        case offsets(ZoneOffsets)

        func offset(atLocal local: LocalDateTime) -> Int {
            switch self {
            case .fixed(let seconds): seconds
            case .offsets(let table): table.offset(atLocalSecond: local.secondsSinceEpochAsUTC)
            }
        }

        var identifier: String? {
            if case .offsets(let table) = self, !table.zone.identifier.hasPrefix("GMT") { return table.zone.identifier }
            return nil
        }
    }

    enum Reading {
        /// A time (or a date) was read.
        case time(EventTime)
        /// No time at all was given: an undated row.
        case undated
        /// Text was given that no format reads.
        case unreadable(String)
    }

    let patterns: [TimePattern]
    let zoneByState: [String: Zone]
    let zoneByCountry: [String: Zone]
    let originCountry: String?
    let originZone: Zone?
    private static let utcPatterns: [TimePattern] = ["yyyy-MM-dd'T'HH:mm:ssXXX", "yyyy-MM-dd'T'HH:mm:ss.SSSXXX",
        "yyyy-MM-dd'T'HH:mmXXX", "yyyy-MM-dd HH:mm:ssXXX", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd HH:mm:ss"]
        .compactMap { try? TimePattern($0) }

    init(recipe: TimeRecipe, file: String) throws(CarrierDefinitionError) {
        var patterns: [TimePattern] = []
        for (index, format) in recipe.formats.enumerated() {
            do { patterns.append(try TimePattern(format)) } catch {
                throw CarrierDefinitionError(file: file, key: "answer.time.formats[\(index)]", message: error.description)
            }
        }
        if patterns.isEmpty { throw CarrierDefinitionError(file: file, key: "answer.time.formats", message: "needs at least one format") }
        self.patterns = patterns
        // Zones are shared between many states: build each zone's table once.
        var tables: [String: Zone] = [:]
        func zone(_ identifier: String, _ key: String) throws(CarrierDefinitionError) -> Zone {
            if let known = tables[identifier] { return known }
            let made: Zone
            if let seconds = TimeReader.parseOffset(identifier) {
                made = .fixed(seconds)
            } else if let timeZone = TimeZone(identifier: identifier) {
                made = .offsets(ZoneOffsets(zone: timeZone, span: ZoneOffsets.eventSpan))
            } else {
                throw CarrierDefinitionError(file: file, key: key, message: "unknown time zone \(identifier)")
            }
            tables[identifier] = made
            return made
        }
        var byState: [String: Zone] = [:]
        for (state, identifier) in recipe.zoneByState ?? [:] {
            byState[state.uppercased()] = try zone(identifier, "answer.time.zone_by_state.\(state)")
        }
        var byCountry: [String: Zone] = [:]
        for (country, identifier) in recipe.zoneByCountry ?? [:] {
            byCountry[country.uppercased()] = try zone(identifier, "answer.time.zone_by_country.\(country)")
        }
        zoneByState = byState
        zoneByCountry = byCountry
        if let origin = recipe.originZone {
            guard ISOCountry.withAlpha2(origin.country) != nil else {
                throw CarrierDefinitionError(file: file, key: "answer.time.origin_zone.country", message: "\(origin.country) is not an ISO 3166-1 code")
            }
            originCountry = origin.country.uppercased()
            originZone = try zone(origin.zone, "answer.time.origin_zone.zone")
        } else {
            originCountry = nil
            originZone = nil
        }
    }

    /// A time text as read, before its zone is decided.
    enum Parsed: Sendable {
        case none
        case unreadable(String)
        case read(local: LocalDateTime, statedOffset: Int?, hasTime: Bool)

        /// The wall-clock time read, if any.
        var local: LocalDateTime? { if case .read(let local, _, _) = self { local } else { nil } }
    }

    /// Reads a time text with the definition's formats.
    func parse(_ text: String) -> Parsed {
        if text.isEmpty { return .none }
        for pattern in patterns {
            if let (local, offset) = pattern.matchWithOffset(Substring(text)) {
                return .read(local: local, statedOffset: offset, hasTime: pattern.hasTimeOfDay)
            }
        }
        return .unreadable(text)
    }

    /// Reads one event's time.
    ///
    /// - Parameters:
    ///   - abroad: whether an earlier row (in the carrier's order) placed the parcel outside the origin country, so
    ///     a row without a place is no longer assumed to be in the origin zone.
    func read(text: String, offsetText: String, utcText: String, location: EventLocation, abroad: Bool) -> Reading {
        resolve(parse(text), offsetText: offsetText, utcText: utcText, location: location, abroad: abroad, placedAbroad: false)
    }

    /// Decides the zone of a parsed time (see the type's comment for the order of evidence).
    func resolve(
        _ parsed: Parsed, offsetText: String, utcText: String, location: EventLocation, abroad: Bool, placedAbroad: Bool
    ) -> Reading {
        let local: LocalDateTime
        let stated: Int?
        let hasTime: Bool
        switch parsed {
        case .unreadable(let text): return .unreadable(text)
        case .none:
            // Only an instant in UTC: keep it as such (offset zero is then a fact, not a guess).
            guard !utcText.isEmpty else { return .undated }
            guard let utc = Self.readUTC(utcText) else { return .unreadable(utcText) }
            return .time(EventTime(local: LocalDateTime(secondsSinceEpoch: utc), utcOffsetSeconds: 0))
        case .read(let read, let offset, let timed):
            local = read
            stated = offset
            hasTime = timed
        }
        let dateOnly = !hasTime
        if let stated { return .time(EventTime(local: local, utcOffsetSeconds: stated, dateOnly: dateOnly)) }
        if !offsetText.isEmpty, let seconds = Self.parseOffset(offsetText) {
            return .time(EventTime(local: local, utcOffsetSeconds: seconds, dateOnly: dateOnly))
        }
        if hasTime, !utcText.isEmpty, let utc = Self.readUTC(utcText) {
            let difference = local.secondsSinceEpochAsUTC - utc
            // Offsets are whole quarter hours within UTC-12...UTC+14; anything else is a stale or broken field.
            let rounded = Int((Double(difference) / 900).rounded()) * 900
            if (-12 * 3_600...14 * 3_600).contains(rounded), abs(difference - rounded) <= 120 {
                return .time(EventTime(local: local, utcOffsetSeconds: rounded, dateOnly: dateOnly))
            }
        }
        if let zone = zone(for: location, abroad: abroad || placedAbroad, placedAbroad: placedAbroad) {
            return .time(
                EventTime(local: local, utcOffsetSeconds: zone.offset(atLocal: local), timeZone: zone.identifier, dateOnly: dateOnly))
        }
        return .time(EventTime(local: local, dateOnly: dateOnly))
    }

    /// Whether a place is outside the origin country (for definitions with an origin zone).
    func isAbroad(_ location: EventLocation) -> Bool {
        guard let originCountry, let country = location.countryCode else { return false }
        return country != originCountry
    }

    private func zone(for location: EventLocation, abroad: Bool, placedAbroad: Bool) -> Zone? {
        if let state = location.state?.uppercased(), let zone = zoneByState[state],
            location.countryCode == nil || location.countryCode == "US" || zoneByCountry.isEmpty
        {
            return zone
        }
        if let country = location.countryCode {
            if let zone = zoneByCountry[country] { return zone }
            if country == originCountry, !placedAbroad { return originZone }
            return nil
        }
        // No place: the origin's zone only while nothing has placed the parcel abroad.
        return abroad ? nil : originZone
    }

    /// Seconds since 1970 of a UTC (or offset-stated) timestamp.
    static func readUTC(_ text: String) -> Int? {
        for pattern in utcPatterns {
            if let (local, offset) = pattern.matchWithOffset(Substring(text)) {
                return local.secondsSinceEpochAsUTC - (offset ?? 0)
            }
        }
        return nil
    }

    /// `+08:00`, `-0500`, `+08`, `Z`, `UTC`, `GMT-5` → seconds east of UTC.
    static func parseOffset(_ raw: String) -> Int? {
        var text = raw.trimmingCharacters(in: .whitespaces).uppercased()
        if text == "Z" || text == "UTC" || text == "GMT" { return 0 }
        if text.hasPrefix("UTC") || text.hasPrefix("GMT") { text = String(text.dropFirst(3)) }
        guard let sign = text.first, sign == "+" || sign == "-" else { return nil }
        let digits = text.dropFirst().filter { $0 != ":" }
        guard digits.allSatisfy(\.isASCII), digits.allSatisfy(\.isNumber), [1, 2, 4].contains(digits.count) else { return nil }
        let hours = Int(digits.count == 4 ? String(digits.prefix(2)) : String(digits)) ?? 99
        let minutes = digits.count == 4 ? Int(String(digits.suffix(2))) ?? 99 : 0
        guard hours <= 14, minutes < 60 else { return nil }
        return (sign == "-" ? -1 : 1) * (hours * 3_600 + minutes * 60)
    }
}
