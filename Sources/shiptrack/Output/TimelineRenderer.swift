import ShipTrackCarriers
import ShipTrackModel

/// The human timeline: a status line, then one line per event with local time, place, the carrier's own words
/// and, where they are not plain English, what they mean.
struct TimelineRenderer {
    let registry: CarrierRegistry

    func render(_ result: TrackingResult) -> String {
        let carrierName = registry.carriers[result.carrier]?.name ?? result.carrier.rawValue
        var status = result.status.rawValue
        if let reason = result.reason { status += " (\(reason.rawValue))" }
        let via = result.source.map { "  via \(registry.sources[$0]?.definition.name ?? $0.rawValue)" } ?? ""
        var lines = ["\(result.trackingNumber)  \(carrierName)  \(status)\(via)"]
        for fallback in result.fallbacks {
            lines.append("  ! \(fallback.source) could not answer (\(fallback.outcome.label)): \(fallback.message)")
        }
        if let delivered = result.deliveredAt {
            lines.append("  delivered \(Self.format(delivered))")
        }
        for failure in result.legFailures {
            lines.append("  ! the \(failure.carrier) leg could not be read (\(failure.outcome.label)): \(failure.message)")
        }
        for note in result.notes { lines.append("  note: \(note)") }
        if !result.reading.unread.isEmpty {
            let missing = result.reading.rowsSeen - result.reading.rowsUnderstood
            lines.append("  ! \(missing) of \(result.reading.rowsSeen) rows not understood; the timeline may be incomplete:")
            for row in result.reading.unread { lines.append("    \(row.summary)") }
        }
        if result.events.isEmpty {
            lines.append(result.status == .infoReceived ? "  label created; no scans yet" : "  no events yet")
        }
        for event in result.events {
            let place = event.location.displayText
            var line = "  \(event.time.map(Self.format) ?? "(no date)       ")  \(place.isEmpty ? "-" : place)  \(event.description)"
            if let meaning = event.meaning, Self.needsTranslation(event.description, meaning) { line += "  (\(meaning))" }
            if event.reportedBy != result.carrier { line += "  [\(event.reportedBy)]" }
            if event.statusUnrecognised { line += "  [wording not recognised]" }
            lines.append(line)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Whether the carrier's words need their English meaning beside them: words that are not (mostly) ASCII, or a
    /// meaning that says something the words do not.
    static func needsTranslation(_ description: String, _ meaning: String) -> Bool {
        let scalars = description.unicodeScalars
        let ascii = scalars.filter(\.isASCII).count
        return ascii * 4 < scalars.count * 3
    }

    /// `2023-07-18 13:23 -04:00`: the place's local time, with its offset when known, never passed off as UTC.
    static func format(_ time: EventTime) -> String {
        let local = time.local
        var text = "\(pad(local.year, 4))-\(pad(local.month, 2))-\(pad(local.day, 2)) "
        text += time.dateOnly ? "--:--" : "\(pad(local.hour, 2)):\(pad(local.minute, 2))"
        if let offset = time.utcOffsetSeconds {
            text += " " + (offset == 0 ? "+00:00" : EventTime.formatOffset(offset))
        } else {
            text += " (local)"
        }
        return text
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }
}
