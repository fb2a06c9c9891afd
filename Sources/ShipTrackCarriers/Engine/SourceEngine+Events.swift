import Logging
import ShipTrackModel
import ShipTrackXML

extension SourceEngine {
    /// How many unread rows a result names (all are counted).
    static let unreadRowsKept = 5

    /// The texts of one event row, before its time is decided.
    private struct RawRow {
        let index: Int
        let description: String
        let parsedTime: TimeReader.Parsed
        let offsetText: String
        let utcText: String
        let location: EventLocation
        /// A pattern placed the row abroad without printing its country.
        let placedAbroad: Bool
        let code: String?
        let leg: CarrierID
    }

    /// Reads event rows into events. A row whose time or description cannot be read is counted and named, never
    /// silently dropped; a row with neither (a carrier's "see all history" filler) is not an event row.
    func readEvents(_ rows: [MarkupNode], carrier: CarrierID, number: String, logger: Logger)
        -> (events: [TrackingEvent], quality: ReadingQuality)
    {
        var raw: [RawRow] = []
        raw.reserveCapacity(rows.count)
        for (index, row) in rows.enumerated() {
            let description = firstText(fields.description, in: row)
            let timeText = firstText(fields.time, in: row)
            let utcText = fields.timeUTC.isEmpty ? "" : firstText(fields.timeUTC, in: row)
            if description.isEmpty, timeText.isEmpty, utcText.isEmpty { continue }
            let codeText = fields.eventCode.isEmpty ? "" : firstText(fields.eventCode, in: row)
            let legCode = fields.leg.isEmpty ? "" : firstText(fields.leg, in: row)
            let (location, placedAbroad) = place(of: row)
            raw.append(
                RawRow(
                    index: index, description: description, parsedTime: timeReader.parse(timeText),
                    offsetText: fields.utcOffset.isEmpty ? "" : firstText(fields.utcOffset, in: row),
                    utcText: utcText, location: location, placedAbroad: placedAbroad, code: codeText.isEmpty ? nil : codeText,
                    leg: legByCode[legCode] ?? carrier))
        }
        // Times are decided in the carrier's order, oldest first, so a row without a place knows whether the parcel
        // had already been placed abroad (then its time zone is no longer the origin's).
        let chronological = Self.listsNewestFirst(raw.map(\.parsedTime.local), otherwise: newestFirst) ? Array(raw.reversed()) : raw
        var events: [TrackingEvent] = []
        events.reserveCapacity(raw.count)
        var unread: [UnreadRow] = []
        var unreadCount = 0
        var abroad: [CarrierID: Bool] = [:]
        for (position, row) in chronological.enumerated() {
            let match = row.description.isEmpty ? nil : statusMatcher.match(description: row.description, code: row.code)
            if row.placedAbroad || timeReader.isAbroad(row.location) || match?.abroad == true { abroad[row.leg] = true }
            let time: EventTime?
            switch timeReader.resolve(
                row.parsedTime, offsetText: row.offsetText, utcText: row.utcText, location: row.location,
                abroad: abroad[row.leg] ?? false, placedAbroad: row.placedAbroad)
            {
            case .time(let read): time = read
            case .undated: time = nil
            case .unreadable(let text):
                unreadCount += 1
                if unread.count < Self.unreadRowsKept {
                    unread.append(UnreadRow(field: "time", text: String(text.prefix(80)), row: row.index + 1))
                }
                continue
            }
            guard let match else {
                unreadCount += 1
                if unread.count < Self.unreadRowsKept {
                    unread.append(UnreadRow(field: "description", text: "", row: row.index + 1))
                }
                continue
            }
            if !match.recognised {
                logger.warning(
                    "event not in the status table; using the safe default",
                    metadata: ["source": "\(id)", "number": "\(number)", "description": "\(row.description)",
                               "code": "\(row.code ?? "")", "status": "\(match.status.rawValue)"])
            }
            events.append(
                TrackingEvent(
                    time: time, location: row.location, description: row.description, meaning: match.english,
                    eventCode: row.code, status: match.status, reason: match.reason, reportedBy: row.leg,
                    statusUnrecognised: !match.recognised, position: position))
        }
        if unreadCount > 0 {
            logger.warning(
                "event rows not understood: the source's layout may have changed",
                metadata: ["source": "\(id)", "number": "\(number)", "rows": "\(unreadCount) of \(raw.count)",
                           "first": "\(unread.first?.summary ?? "")"])
        }
        return (
            Self.removingRepeats(events),
            ReadingQuality(rowsSeen: raw.count, rowsUnderstood: raw.count - unreadCount, unread: unread)
        )
    }

    /// Whether a listing runs newest first, by its own times: sources list consistently, but not always the way their
    /// definition says (China Post's page has been seen both ways), so the wall-clock times of neighbouring rows
    /// vote; a tie (too few dated rows) keeps the definition's order.
    static func listsNewestFirst(_ times: [LocalDateTime?], otherwise declared: Bool) -> Bool {
        var newer = 0
        var older = 0
        var previous: LocalDateTime?
        for time in times {
            guard let time else { continue }
            if let previous {
                if time > previous { newer += 1 } else if time < previous { older += 1 }
            }
            previous = time
        }
        if newer == older { return declared }
        return older > newer
    }

    /// The place of a row: the location text split by the definition's patterns, with separate fields filling in;
    /// and whether a pattern placed it abroad without its country.
    private func place(of row: MarkupNode) -> (EventLocation, Bool) {
        let parsed = fields.location.isEmpty
            ? LocationParser.Place(location: EventLocation(), abroad: false)
            : locationParser.place(firstText(fields.location, in: row))
        var location = parsed.location
        if !fields.city.isEmpty {
            let city = firstText(fields.city, in: row)
            if !city.isEmpty { location.city = city }
        }
        if !fields.state.isEmpty {
            let state = firstText(fields.state, in: row)
            if !state.isEmpty { location.state = state }
        }
        if !fields.postalCode.isEmpty {
            let postal = firstText(fields.postalCode, in: row)
            if !postal.isEmpty { location.postalCode = postal }
        }
        if !fields.country.isEmpty {
            let country = firstText(fields.country, in: row)
            if !country.isEmpty { location.countryCode = locationParser.countryCode(for: country) ?? location.countryCode }
        }
        if location.raw.isEmpty {
            location.raw = [location.city, location.state, location.postalCode].compactMap { $0 }.joined(separator: " ")
        }
        // For a source of USPS's, a US state code alone says the country (the API leaves eventCountry null at home).
        if location.countryCode == nil, let state = location.state, Self.isUSState(state),
            definition.serves.keys.contains("usps")
        {
            location.countryCode = "US"
        }
        return (location, parsed.abroad)
    }

    private static let usStates: Set<String> = [
        "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "DC", "FL", "GA", "HI", "ID", "IL", "IN", "IA", "KS", "KY", "LA",
        "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM", "NY", "NC", "ND", "OH", "OK", "OR",
        "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA", "WV", "WI", "WY", "PR", "VI", "GU", "MP", "AS", "AA",
        "AE", "AP",
    ]

    private static func isUSState(_ state: String) -> Bool { usStates.contains(state.uppercased()) }

    /// The same scan printed twice (pages repeat the latest event in a summary) is kept once.
    static func removingRepeats(_ events: [TrackingEvent]) -> [TrackingEvent] {
        var kept: [TrackingEvent] = []
        kept.reserveCapacity(events.count)
        for event in events where !kept.contains(where: { $0.isSameScan(as: event) }) { kept.append(event) }
        return kept
    }
}
